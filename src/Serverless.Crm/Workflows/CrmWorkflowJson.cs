using System.Text.Json.Nodes;

namespace Serverless.Crm.Workflows;

/// <summary>A spec back to the seed's JSON (snake_case, as GET /api/v1/workflows/{id} returns it);
/// <see cref="CrmWorkflowValidator.Validate(JsonNode?)"/> reads it back to an equal spec.</summary>
public static class CrmWorkflowJson
{
    public static JsonObject Write(CrmWorkflowSpec spec) => new()
    {
        ["name"] = spec.Name,
        ["description"] = spec.Description,
        ["trigger_type"] = spec.TriggerType,
        ["trigger_config"] = spec.TriggerConfig?.DeepClone(),
        ["conditions"] = spec.Conditions is null ? null : Write(spec.Conditions),
        ["actions"] = new JsonArray(spec.Actions.Select(a => (JsonNode)new JsonObject { ["type"] = a.Type, ["config"] = a.Config.DeepClone() }).ToArray()),
        ["status"] = spec.Status,
        ["is_template"] = spec.IsTemplate,
    };

    public static JsonObject Write(CrmCondition condition) => condition switch
    {
        CrmConditionGroup group => new JsonObject
        {
            ["operator"] = group.Operator,
            ["rules"] = new JsonArray(group.Rules.Select(r => (JsonNode)Write(r)).ToArray()),
        },
        CrmConditionRule rule => new JsonObject { ["field"] = rule.Field, ["operator"] = rule.Operator, ["value"] = rule.Value?.DeepClone() },
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown CRM condition."),
    };
}
