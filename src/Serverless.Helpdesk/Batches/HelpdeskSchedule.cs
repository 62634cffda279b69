using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Loading;

namespace Serverless.Helpdesk.Batches;

/// <summary>The optional unattended batch (Helpdesk:Schedule:Cron): a shipped workflow with a schedule trigger whose
/// one step runs helpdesk-batch as a sub-workflow with Helpdesk:Schedule:Count and DelaySeconds. Being a schedule
/// trigger, it runs under either runtime's scheduler, once per due time.</summary>
public static class HelpdeskSchedule
{
    public static WorkflowDefinition Definition(HelpdeskScheduleOptions schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var json = new JsonObject
        {
            ["id"] = HelpdeskNames.ScheduledBatchWorkflow,
            ["version"] = 1,
            ["name"] = "Helpdesk: scheduled batch",
            ["triggers"] = new JsonArray(new JsonObject { ["type"] = "schedule", ["cron"] = schedule.Cron, ["timeZone"] = schedule.TimeZone }),
            ["steps"] = new JsonArray(new JsonObject
            {
                ["id"] = "batch",
                ["type"] = "subWorkflow",
                ["workflow"] = HelpdeskNames.BatchWorkflow,
                ["input"] = new JsonObject { ["count"] = schedule.Count, ["delaySeconds"] = schedule.DelaySeconds },
            }),
            ["output"] = "{{steps.batch.output}}",
        };
        var loaded = new WorkflowDefinitionLoader().Load(json.ToJsonString(), HelpdeskNames.ScheduledBatchWorkflow);
        return loaded.Succeeded
            ? loaded.Definition!
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Helpdesk:Schedule: {string.Join(" ", loaded.Problems.Select(p => $"{p.Path}: {p.Message}"))}"));
    }
}
