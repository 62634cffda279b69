using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Crm.Workflows;

/// <summary>
/// trigger_type + trigger_config as one of our triggers. CRM changes arrive as messages on
/// <see cref="CrmNames.Channels"/> whose payload is the seed's execution context
/// (<c>{trigger_entity_type, trigger_entity_id, trigger_data, timestamp, organisation, deal, ...}</c>, plus
/// <c>from_stage</c>/<c>to_stage</c> on a stage change and <c>inactive_days</c> on an inactivity event);
/// an event trigger's condition sees that payload as <c>payload.*</c>.
/// </summary>
public static class CrmTriggerMapper
{
    private static readonly string[] StageFields = ["from_stage", "to_stage"];

    public static JsonObject Map(CrmWorkflowSpec spec, string workflowId) => spec.TriggerType switch
    {
        CrmTriggerTypes.OrganisationCreated => Event(CrmNames.Channels.OrganisationCreated),
        CrmTriggerTypes.OrganisationUpdated => Event(CrmNames.Channels.OrganisationUpdated),
        CrmTriggerTypes.DealCreated => Event(CrmNames.Channels.DealCreated),
        CrmTriggerTypes.DealUpdated => Event(CrmNames.Channels.DealUpdated),
        CrmTriggerTypes.DealStageChanged => Event(CrmNames.Channels.DealStageChanged, StageCondition(spec.TriggerConfig)),
        CrmTriggerTypes.InactivityDelay => Event(CrmNames.Channels.EntityInactive, InactivityCondition(spec.TriggerConfig)),
        CrmTriggerTypes.Scheduled => Schedule(spec.TriggerConfig),
        CrmTriggerTypes.Webhook => new JsonObject
        {
            ["type"] = TriggerTypes.Webhook,
            ["route"] = CrmNames.WebhookRoutePrefix + workflowId,
            ["auth"] = CrmTriggerRules.Text(spec.TriggerConfig, "auth") is { } auth
                ? WebhookAuth.All.First(a => string.Equals(a, auth, StringComparison.OrdinalIgnoreCase))
                : WebhookAuth.ApiKey,
        },
        _ => new JsonObject { ["type"] = TriggerTypes.Manual },
    };

    private static JsonObject Event(string channel, JsonNode? condition = null)
    {
        var trigger = new JsonObject { ["type"] = TriggerTypes.Event, ["channel"] = channel };
        if (condition is not null)
        {
            trigger["condition"] = condition;
        }

        return trigger;
    }

    private static JsonObject Schedule(JsonObject? config)
    {
        var (cron, timeZone) = CrmTriggerRules.Schedule(config);
        return new JsonObject { ["type"] = TriggerTypes.Schedule, ["cron"] = cron, ["timeZone"] = timeZone };
    }

    /// <summary>from_stage / to_stage compared with the event's from_stage / to_stage; none given: any change.</summary>
    private static JsonNode? StageCondition(JsonObject? config)
    {
        var comparisons = new List<JsonNode>();
        foreach (var name in StageFields)
        {
            if (CrmTriggerRules.Text(config, name) is { } stage)
            {
                comparisons.Add(Compare($"payload.{name}", "==", stage));
            }
        }

        return All(comparisons);
    }

    /// <summary>The entity type matches and it has been inactive for at least inactivity_days (default 30).</summary>
    private static JsonNode? InactivityCondition(JsonObject? config) => All(
    [
        Compare("payload.trigger_entity_type", "==", CrmTriggerRules.InactivityEntity(config)),
        Compare("payload.inactive_days", ">=", CrmTriggerRules.InactivityDays(config)),
    ]);

    private static JsonObject Compare(string path, string op, JsonNode value) => new() { ["path"] = path, ["op"] = op, ["value"] = value };

    private static JsonNode? All(List<JsonNode> comparisons) => comparisons.Count switch
    {
        0 => null,
        1 => comparisons[0],
        _ => new JsonObject { ["and"] = new JsonArray([.. comparisons]) },
    };
}
