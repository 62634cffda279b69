using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Loading;

/// <summary>Runs once every step id is known: template syntax, and references to steps that do not exist.</summary>
internal static class TemplateChecker
{
    private const string StepsRoot = "steps";

    public static void Check(ValidationContext context)
    {
        foreach (var site in context.TemplateSites)
        {
            CheckNode(context, site.Node, site.Path, site.StepsVisible);
        }

        foreach (var site in context.ConditionPaths)
        {
            var segments = site.DottedPath.Split('.');
            if (segments[0] == StepsRoot)
            {
                var step = segments.Length > 1 ? segments[1].Split('[')[0] : "";
                CheckStep(context, site.DottedPath, step, site.Path, site.StepsVisible);
            }
        }
    }

    private static void CheckNode(ValidationContext context, JsonNode? node, string path, bool stepsVisible)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    CheckNode(context, child, JsonPaths.Property(path, name), stepsVisible);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckNode(context, array[i], JsonPaths.Index(path, i), stepsVisible);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                CheckString(context, value, path, stepsVisible);
                break;
        }
    }

    private static void CheckString(ValidationContext context, JsonValue value, string path, bool stepsVisible)
    {
        var syntaxProblems = Templates.Validate(value);
        foreach (var sentence in syntaxProblems)
        {
            context.Report(path, sentence);
        }

        if (syntaxProblems.Count > 0)
        {
            return;
        }

        foreach (var reference in Templates.FindReferences(value))
        {
            if (reference.Path.Count > 0 && reference.Path[0] == StepsRoot)
            {
                var expression = $"{{{{{reference.Expression.Trim().TrimStart('{').TrimEnd('}').Trim()}}}}}";
                CheckStep(context, expression, reference.Path.Count > 1 ? reference.Path[1] : "", path, stepsVisible);
            }
        }
    }

    private static void CheckStep(ValidationContext context, string expression, string step, string path, bool stepsVisible)
    {
        if (!stepsVisible)
        {
            context.Report(path, $"'{expression}' refers to a step, but a trigger condition is evaluated before any step runs.");
        }
        else if (step.Length == 0)
        {
            context.Report(path, $"'{expression}' must name a step, as in steps.<id>.output.");
        }
        else if (!context.StepIds.ContainsKey(step))
        {
            context.Report(
                path,
                $"'{expression}' refers to step '{step}', which does not exist in this workflow{Suggestions.Ending(step, context.StepIds.Keys)}");
        }
    }
}
