using System.Text.Json.Nodes;

namespace Serverless.Crm.Workflows;

/// <summary>The seed's conditions as our condition tree: AND -> and, OR -> or, a rule -> a comparison over
/// <c>trigger.body.{field}</c> (see <see cref="CrmTemplatePaths"/>), not_contains -> not(contains).</summary>
public static class CrmConditionMapper
{
    public static JsonNode Map(CrmCondition condition) => condition switch
    {
        CrmConditionGroup group => new JsonObject
        {
            [group.Operator == CrmConditionOperators.Or ? "or" : "and"] = new JsonArray(group.Rules.Select(Map).ToArray()),
        },
        CrmConditionRule { Operator: "not_contains" } rule => new JsonObject { ["not"] = Comparison(rule.Field, "contains", rule.Value) },
        CrmConditionRule rule => Comparison(rule.Field, rule.Operator, rule.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown CRM condition."),
    };

    private static JsonObject Comparison(string field, string op, JsonNode? value) => new()
    {
        ["path"] = CrmTemplatePaths.Map(field),
        ["op"] = op,
        ["value"] = CrmTemplatePaths.MapNode(value),
    };
}
