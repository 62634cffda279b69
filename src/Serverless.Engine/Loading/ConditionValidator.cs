using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Loading;

/// <summary>Conditions are {"and":[...]}, {"or":[...]}, {"not":{...}} or {"path":..., "op":..., "value":...}.</summary>
internal static class ConditionValidator
{
    private static readonly string[] ComparisonProperties = ["path", "op", "value"];

    public static void Validate(ValidationContext context, JsonNode node, string path, bool stepsVisible)
    {
        if (node is not JsonObject obj)
        {
            context.Report(path, $"A condition must be a JSON object ('and', 'or', 'not' or a comparison with 'path', 'op' and 'value'), not {JsonKinds.Describe(node)}.");
            return;
        }

        if (obj.ContainsKey("and") || obj.ContainsKey("or"))
        {
            var name = obj.ContainsKey("and") ? "and" : "or";
            KnownProperties.Check(context, obj, path, [name]);
            ValidateList(context, obj, path, name, stepsVisible);
        }
        else if (obj.ContainsKey("not"))
        {
            KnownProperties.Check(context, obj, path, ["not"]);
            if (Fields.Value(context, obj, path, "not", Need.Required) is { } inner)
            {
                Validate(context, inner, JsonPaths.Property(path, "not"), stepsVisible);
            }
        }
        else if (obj.ContainsKey("path"))
        {
            KnownProperties.Check(context, obj, path, ComparisonProperties);
            ValidateComparison(context, obj, path, stepsVisible);
        }
        else
        {
            var keys = obj.Count == 0 ? "no properties" : $"only {Suggestions.List(obj.Select(p => $"'{p.Key}'"))}";
            context.Report(path, $"A condition must be 'and', 'or', 'not' or a comparison with 'path', 'op' and 'value', and this one has {keys}.");
        }
    }

    private static void ValidateList(ValidationContext context, JsonObject obj, string path, string name, bool stepsVisible)
    {
        var list = Fields.Array(context, obj, path, name, Need.Required);
        if (list is null)
        {
            return;
        }

        var listPath = JsonPaths.Property(path, name);
        if (list.Count == 0)
        {
            context.Report(listPath, $"'{name}' needs at least one condition.");
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is { } item)
            {
                Validate(context, item, JsonPaths.Index(listPath, i), stepsVisible);
            }
            else
            {
                context.Report(JsonPaths.Index(listPath, i), "A condition cannot be null.");
            }
        }
    }

    private static void ValidateComparison(ValidationContext context, JsonObject obj, string path, bool stepsVisible)
    {
        if (Fields.String(context, obj, path, "path", Need.Required) is { } dotted)
        {
            if (dotted.Contains("{{", StringComparison.Ordinal) || dotted.Split('.').Any(string.IsNullOrWhiteSpace))
            {
                context.Report(JsonPaths.Property(path, "path"), $"'path' must be a dotted path such as trigger.body.email (no braces), not '{dotted}'.");
            }
            else
            {
                context.ConditionPaths.Add(new ConditionPathSite(dotted, JsonPaths.Property(path, "path"), stepsVisible));
            }
        }

        var op = obj.ContainsKey("op") ? Operator(context, obj, path) : ComparisonOperators.Equal;
        var valuePath = JsonPaths.Property(path, "value");
        if (!obj.TryGetPropertyValue("value", out var value))
        {
            if (op is not null && op != ComparisonOperators.Exists)
            {
                context.Report(valuePath, $"'value' is required for the operator '{op}' (write null to compare with null).");
            }

            return;
        }

        if (op is ComparisonOperators.In or ComparisonOperators.NotIn && value?.GetValueKind() is not (JsonValueKind.Array or JsonValueKind.String))
        {
            context.Report(valuePath, $"'value' of '{op}' must be an array (or a template giving one), not {JsonKinds.Describe(value)}.");
        }

        context.AddTemplates(value, valuePath, stepsVisible);
    }

    private static string? Operator(ValidationContext context, JsonObject obj, string path)
    {
        var op = Fields.String(context, obj, path, "op", Need.Required);
        if (op is null || ComparisonOperators.All.Contains(op, StringComparer.Ordinal))
        {
            return op;
        }

        context.Report(
            JsonPaths.Property(path, "op"),
            $"Unknown comparison operator '{op}'; the operators are {Suggestions.List(ComparisonOperators.All)}{Suggestions.Ending(op, ComparisonOperators.All)}");
        return null;
    }
}
