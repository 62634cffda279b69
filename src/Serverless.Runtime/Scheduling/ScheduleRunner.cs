using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Catalog;
using Serverless.Runtime.Dispatch;

namespace Serverless.Runtime.Scheduling;

/// <summary>Starts scheduled runs. A run's instance id is the workflow id plus its due time in UTC, so whatever
/// happens (two passes, a crash between start and bookkeeping, a restart) one due time starts one instance.</summary>
internal sealed partial class ScheduleRunner(
    EventPump pump,
    IWorkflowCatalog catalog,
    IWorkflowClient client,
    TimeProvider time,
    IOptions<SchedulerOptions> options,
    ILogger<ScheduleRunner> logger)
{
    /// <summary>Starts every run due since the last pass; returns the ids of instances created.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var schedules = catalog.List()
            .SelectMany(d => d.Triggers.OfType<ScheduleTrigger>().Select((t, i) => (Definition: d, Trigger: t, Key: i == 0 ? d.Id : $"{d.Id}#{i}")))
            .ToList();
        if (schedules.Count == 0)
        {
            return [];
        }

        var keys = schedules.Select(s => s.Key).ToList();
        var last = await pump.WriteAsync(context => ScheduleStore.ReadOrInit(context, keys));
        var started = new List<string>();
        foreach (var (definition, trigger, key) in schedules)
        {
            if (!last.TryGetValue(key, out var lastDue))
            {
                continue;
            }

            CronSchedule cron;
            try
            {
                cron = CronSchedule.Parse(trigger);
            }
            catch (Exception ex)
            {
                LogBadSchedule(ex, definition.Id, trigger.Cron, trigger.TimeZone);
                continue;
            }

            foreach (var due in DueRuns(cron, lastDue, now))
            {
                var id = ScheduledRuns.InstanceIdFor(definition.Id, due);
                var trig = new JsonObject
                {
                    ["kind"] = TriggerTypes.Schedule,
                    ["scheduledFor"] = due.ToString("O", CultureInfo.InvariantCulture),
                    ["cron"] = trigger.Cron,
                    ["timeZone"] = trigger.TimeZone,
                };
                var result = await client.StartAsync(new StartRequest(definition.Id, null, InstanceId: id, Trigger: trig), cancellationToken);
                if (result.Created)
                {
                    LogStarted(definition.Id, id, due);
                    started.Add(id);
                }
            }
        }

        await pump.WriteAsync(context => ScheduleStore.Save(context, keys, now));
        return started;
    }

    /// <summary>Runs due within the last poll window start; older ones were missed while the host was down:
    /// the latest of those starts once (when catch-up is on and no recent run covers it).</summary>
    private IEnumerable<DateTimeOffset> DueRuns(CronSchedule cron, DateTimeOffset lastDue, DateTimeOffset now)
    {
        var window = TimeSpan.FromTicks(Math.Max(options.Value.PollInterval.Ticks * 3, TimeSpan.FromSeconds(30).Ticks));
        var due = cron.Occurrences(lastDue, now).ToList();
        var recent = due.Where(d => now - d <= window).ToList();
        if (recent.Count > 0)
        {
            return recent;
        }

        return options.Value.CatchUpMissedRuns && due.Count > 0 ? [due[^1]] : [];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule of {WorkflowId} due at {DueAt:O} started instance {InstanceId}")]
    private partial void LogStarted(string workflowId, string instanceId, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule of {WorkflowId} ({Cron}, {TimeZone}) cannot be evaluated")]
    private partial void LogBadSchedule(Exception exception, string workflowId, string cron, string timeZone);
}
