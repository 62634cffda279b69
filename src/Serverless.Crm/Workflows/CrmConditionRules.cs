using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Crm.Workflows;

/// <summary>The seed's conditions: <c>{"operator": "AND", "rules": [{"field", "operator", "value"}, ...]}</c>,
/// a rule being itself a group when it has "rules".</summary>
internal static class CrmConditionRules
{
    private static readonly string[] GroupFields = ["operator", "rules"];
    private static readonly string[] RuleFields = ["field", "operator", "value"];

    public static CrmConditionGroup? Group(SpecChecks checks, JsonNode node, string path)
    {
        if (node is not JsonObject obj)
        {
            checks.Add(path, $"Conditions must be an object {{\"operator\": \"AND\" | \"OR\", \"rules\": [...]}}, not {SpecChecks.Describe(node)}.");
            return null;
        }

        checks.UnknownProperties(obj, path, GroupFields);
        var op = obj.ContainsKey("operator")
            ? checks.OneOf(obj, path, "operator", required: true, CrmConditionOperators.Groups)
            : CrmConditionOperators.And;

        var rules = new List<CrmCondition>();
        if (!obj.TryGetPropertyValue("rules", out var rulesNode) || rulesNode is null)
        {
            checks.Add(SpecChecks.Property(path, "rules"), "'rules' is required: an array of {\"field\", \"operator\", \"value\"} rules or nested groups.");
            return null;
        }

        if (rulesNode is not JsonArray array || array.Count == 0)
        {
            checks.Add(SpecChecks.Property(path, "rules"), $"'rules' must be a non-empty array, not {(rulesNode is JsonArray ? "an empty array" : SpecChecks.Describe(rulesNode))}.");
            return null;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var at = SpecChecks.Index(SpecChecks.Property(path, "rules"), i);
            CrmCondition? rule = array[i] is JsonObject r && r.ContainsKey("rules") ? Group(checks, r, at) : Rule(checks, array[i], at);
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        return op is null || rules.Count != array.Count ? null : new CrmConditionGroup(op, rules);
    }

    private static CrmConditionRule? Rule(SpecChecks checks, JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            checks.Add(path, $"A rule must be an object {{\"field\", \"operator\", \"value\"}}, not {SpecChecks.Describe(node)}.");
            return null;
        }

        checks.UnknownProperties(obj, path, RuleFields);
        var field = checks.String(obj, path, "field", required: true);
        if (field is not null && !CrmTemplatePaths.IsPath(field.Trim()))
        {
            checks.Add(SpecChecks.Property(path, "field"), $"'{field}' is not a field path; write a dotted path such as 'organisation.pipeline_stage' (no braces).");
            field = null;
        }

        var op = checks.OneOf(obj, path, "operator", required: true, CrmConditionOperators.Comparisons);
        var valueAt = SpecChecks.Property(path, "value");
        if (!obj.TryGetPropertyValue("value", out var value))
        {
            checks.Add(valueAt, "'value' is required.");
            return null;
        }

        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        switch (op)
        {
            case "in" or "not_in" when kind != JsonValueKind.Array:
                checks.Add(valueAt, $"'{op}' needs an array of values such as [\"PROPOSITION\", \"QUALIFICATION\"], not {SpecChecks.Describe(value)}.");
                return null;
            case ">" or "<" or ">=" or "<=" when kind is not (JsonValueKind.Number or JsonValueKind.String):
                checks.Add(valueAt, $"'{op}' compares with a number or a date, not {SpecChecks.Describe(value)}.");
                return null;
            case "contains" or "not_contains" when kind is JsonValueKind.Null or JsonValueKind.Object:
                checks.Add(valueAt, $"'{op}' needs the text (or item) to look for, not {SpecChecks.Describe(value)}.");
                return null;
        }

        checks.PlaceholdersIn(value, valueAt);
        return field is null || op is null ? null : new CrmConditionRule(field.Trim(), op, value?.DeepClone());
    }
}
