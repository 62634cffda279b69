using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Crm.Running;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Scheduling;

namespace Serverless.Crm.Jobs;

/// <summary>
/// crm.jobs.run_scheduled (the seed's run_scheduled_workflows): at each tick of Crm:Jobs:ScheduledCron, starts
/// every active scheduled workflow whose own schedule (its cron in its time zone) fell in (previous tick, this
/// tick]. Each due time starts the workflow once (run key "schedule-{due UTC}"), so a tick run twice or replayed
/// starts nothing twice.
/// </summary>
public sealed class RunScheduledActivity(
    CrmWorkflowRegistry registry, CrmWorkflowRunner runner, CrmContextBuilder contexts, TimeProvider time, IOptions<CrmOptions> options) : IActivity
{
    public string Name => CrmJobs.ScheduledActivity;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tick = ActivityInput.Optional(context, "scheduled_for") is { Length: > 0 } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var due)
                ? due
                : time.GetUtcNow();
        var jobs = options.Value.Jobs;
        var previous = CronSchedule.Parse(new ScheduleTrigger(jobs.ScheduledCron, jobs.TimeZone))
            .Occurrences(tick.AddDays(-32), tick.AddTicks(-1)).LastOrDefault();
        if (previous == default)
        {
            previous = tick.AddMinutes(-1);
        }

        var started = new JsonArray();
        foreach (var workflow in (await registry.CurrentAsync(cancellationToken)).Scheduled)
        {
            foreach (var trigger in workflow.Definition.Triggers.OfType<ScheduleTrigger>())
            {
                foreach (var run in CronSchedule.Parse(trigger).Occurrences(previous, tick))
                {
                    var key = "schedule-" + run.ToUniversalTime().ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
                    var result = await runner.StartAsync(
                        new CrmRunRequest(workflow, contexts.ForSchedule(run), key, CrmRunKinds.Scheduled, context.DryRun), cancellationToken);
                    started.Add(result.ExecutionId);
                }
            }
        }

        return new JsonObject
        {
            ["tick"] = tick.ToString("O", CultureInfo.InvariantCulture),
            ["window_from"] = previous.ToString("O", CultureInfo.InvariantCulture),
            ["started"] = started,
        };
    }
}
