using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

/// <summary>if, switch and forEach: the steps that hold nested blocks.</summary>
internal static class BranchStepRules
{
    private static readonly string[] CaseProperties = ["equals", "when", "steps"];

    public static void ValidateIf(ValidationContext context, JsonObject obj, string path)
    {
        if (Fields.Value(context, obj, path, "condition", Need.Required) is { } condition)
        {
            ConditionValidator.Validate(context, condition, JsonPaths.Property(path, "condition"), stepsVisible: true);
        }

        StepValidator.ValidateBlock(context, obj, path, "then");
        StepValidator.ValidateBlock(context, obj, path, "else");
    }

    public static void ValidateSwitch(ValidationContext context, JsonObject obj, string path)
    {
        if (Fields.String(context, obj, path, "value", Need.Required) is not null)
        {
            context.AddTemplates(obj["value"], JsonPaths.Property(path, "value"));
        }

        if (Fields.Array(context, obj, path, "cases", Need.Defaulted) is { } cases)
        {
            var casesPath = JsonPaths.Property(path, "cases");
            if (cases.Count == 0)
            {
                context.Report(casesPath, "'cases' needs at least one case; without one the switch always runs 'default'.");
            }

            for (var i = 0; i < cases.Count; i++)
            {
                ValidateCase(context, cases[i], JsonPaths.Index(casesPath, i));
            }
        }

        StepValidator.ValidateBlock(context, obj, path, "default");
    }

    private static void ValidateCase(ValidationContext context, JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            context.Report(path, $"A switch case must be a JSON object, not {JsonKinds.Describe(node)}.");
            return;
        }

        KnownProperties.Check(context, obj, path, CaseProperties);
        var hasEquals = obj.ContainsKey("equals");
        var hasWhen = obj.ContainsKey("when");
        if (hasEquals == hasWhen)
        {
            context.Report(path, "A switch case needs exactly one of 'equals' (a value to compare with the switch value) or 'when' (a condition).");
        }

        context.AddTemplates(obj["equals"], JsonPaths.Property(path, "equals"));
        if (hasWhen && Fields.Value(context, obj, path, "when", Need.Required) is { } when)
        {
            ConditionValidator.Validate(context, when, JsonPaths.Property(path, "when"), stepsVisible: true);
        }

        StepValidator.ValidateBlock(context, obj, path, "steps");
    }

    public static void ValidateForEach(ValidationContext context, JsonObject obj, string path)
    {
        if (Fields.String(context, obj, path, "items", Need.Required) is not null)
        {
            context.AddTemplates(obj["items"], JsonPaths.Property(path, "items"));
        }

        if (Fields.String(context, obj, path, "as", Need.Defaulted) is { } name && !Identifiers.IsStepId(name))
        {
            context.Report(JsonPaths.Property(path, "as"), $"'as' names the current item in templates, so it may hold only {Identifiers.StepIdRule}, not '{name}'.");
        }

        Fields.OneOf(context, obj, path, "mode", Need.Defaulted, ForEachModes.All);
        Fields.Integer(context, obj, path, "maxConcurrency", Need.Defaulted, minimum: 1);

        if (StepValidator.ValidateBlock(context, obj, path, "steps") is { Count: 0 } || !obj.ContainsKey("steps"))
        {
            context.Report(JsonPaths.Property(path, "steps"), "'steps' needs at least one step to run for each item.");
        }

        context.AddTemplates(obj["output"], JsonPaths.Property(path, "output"));
    }
}
