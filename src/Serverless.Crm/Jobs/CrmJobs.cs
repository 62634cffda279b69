using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Loading;

namespace Serverless.Crm.Jobs;

/// <summary>
/// The seed's Celery Beat as three shipped workflows with schedule triggers from "Crm:Jobs" (Europe/Paris by
/// default), each running one activity: the inactivity check (daily 02:00), the scheduled-workflow tick (every
/// minute: starts each active scheduled workflow at its own time, daily 09:00 and weekly Monday 09:00 by default, as
/// the seed's run-daily / run-weekly jobs did) and the cleanup of executions older than 90 days (Sunday 03:00).
/// Being workflows, they run under either runtime's scheduler and show up with their instances like any other.
/// </summary>
public static class CrmJobs
{
    public const string InactivityWorkflowId = "crm.jobs.inactivity-check";
    public const string ScheduledWorkflowId = "crm.jobs.scheduled-workflows";
    public const string CleanupWorkflowId = "crm.jobs.cleanup-executions";

    public const string InactivityActivity = "crm.jobs.check_inactivity";
    public const string ScheduledActivity = "crm.jobs.run_scheduled";
    public const string CleanupActivity = "crm.jobs.cleanup_executions";

    public static IReadOnlyList<WorkflowDefinition> Definitions(CrmJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            Load(InactivityWorkflowId, "CRM: inactivity check", options.InactivityCron, options.TimeZone, InactivityActivity),
            Load(ScheduledWorkflowId, "CRM: scheduled workflows", options.ScheduledCron, options.TimeZone, ScheduledActivity),
            Load(CleanupWorkflowId, "CRM: cleanup of old executions", options.CleanupCron, options.TimeZone, CleanupActivity),
        ];
    }

    private static WorkflowDefinition Load(string id, string name, string cron, string timeZone, string activity)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["version"] = 1,
            ["name"] = name,
            ["triggers"] = new JsonArray(new JsonObject { ["type"] = "schedule", ["cron"] = cron, ["timeZone"] = timeZone }),
            ["steps"] = new JsonArray(new JsonObject
            {
                ["id"] = "run",
                ["type"] = "activity",
                ["activity"] = activity,
                ["input"] = new JsonObject { ["scheduled_for"] = "{{trigger.scheduledFor}}" },
                ["retry"] = new JsonObject { ["maxAttempts"] = 3, ["firstInterval"] = "30s", ["backoffCoefficient"] = 2.0 },
            }),
            ["output"] = "{{steps.run.output}}",
        };
        var loaded = new WorkflowDefinitionLoader(new LoaderOptions { KnownActivities = new HashSet<string>([activity], StringComparer.Ordinal) })
            .Load(json.ToJsonString(), id);
        return loaded.Succeeded
            ? loaded.Definition!
            : throw new InvalidOperationException($"{id}: " + string.Join(" ", loaded.Problems.Select(p => $"{p.Path}: {p.Message}")));
    }
}
