using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Engine.Definitions;
using Serverless.Functions.Durable;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Catalog;
using Serverless.Runtime.Scheduling;

namespace Serverless.Functions.Timers;

/// <summary>The embedded SchedulerService's counterpart: once a minute, starts every schedule-triggered run due
/// since the previous tick, under the same deterministic instance id ("{workflowId}@{dueUtc}"), so a tick that runs
/// twice or overlaps another starts each due run once. The previous tick time is the timer's own schedule status,
/// which the Functions host keeps in AzureWebJobsStorage.</summary>
public sealed class SchedulerFunction(
    IWorkflowCatalog catalog,
    IWorkflowClient client,
    DurableClientHolder holder,
    IOptions<SchedulerOptions> options,
    ILogger<SchedulerFunction> logger)
{
    public const string Name = "Scheduler";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (!options.Value.Enabled)
        {
            return;
        }

        holder.Use(durable);
        var now = DateTimeOffset.UtcNow;
        var last = timer.ScheduleStatus?.Last is { Year: > 1 } previous
            ? new DateTimeOffset(previous.ToUniversalTime(), TimeSpan.Zero)
            : now.AddMinutes(-1);
        foreach (var definition in catalog.List())
        {
            foreach (var trigger in definition.Triggers.OfType<ScheduleTrigger>())
            {
                var due = CronSchedule.Parse(trigger).Occurrences(last, now).ToList();
                // After an outage (the tick is past due) only the latest missed run starts, as in the embedded catch-up.
                var runs = timer.IsPastDue ? due.TakeLast(options.Value.CatchUpMissedRuns ? 1 : 0) : due;
                foreach (var run in runs)
                {
                    await StartAsync(definition, trigger, run, cancellationToken);
                }
            }
        }
    }

    private async Task StartAsync(WorkflowDefinition definition, ScheduleTrigger trigger, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var instanceId = ScheduledRuns.InstanceIdFor(definition.Id, due);
        var triggerInfo = new JsonObject
        {
            ["kind"] = TriggerTypes.Schedule,
            ["scheduledFor"] = due.ToString("O", CultureInfo.InvariantCulture),
            ["cron"] = trigger.Cron,
            ["timeZone"] = trigger.TimeZone,
        };
        var result = await client.StartAsync(new StartRequest(definition.Id, null, InstanceId: instanceId, Trigger: triggerInfo), cancellationToken);
        if (result.Created)
        {
            FunctionsLog.ScheduleStarted(logger, definition.Id, due, instanceId);
        }
    }
}
