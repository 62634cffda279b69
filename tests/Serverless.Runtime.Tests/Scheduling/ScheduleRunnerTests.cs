using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Scheduling;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Scheduling;

public sealed class ScheduleRunnerTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 30, TimeSpan.Zero));

    private static void Configure(IServiceCollection services)
    {
        services.AddWorkflowDefinition(Workflows.Parse("""
            {
              "id": "hourly-report",
              "triggers": [ { "type": "schedule", "cron": "0 * * * *", "timeZone": "Europe/Paris" } ],
              "steps": [ { "type": "activity", "id": "report", "activity": "noop" } ]
            }
            """));
        services.AddActivity("noop", (_, _) => Task.FromResult<JsonNode?>(null));
    }

    private Task<RuntimeHarness> StartAsync(bool catchUp = true) =>
        RuntimeHarness.StartAsync(folder.Path, clock, Configure,
            new Dictionary<string, string?> { ["Runtime:Scheduler:CatchUpMissedRuns"] = catchUp.ToString() });

    [Fact]
    public async Task RunDueAsync_WhenDue_StartsOneInstanceNamedByWorkflowAndDueTime()
    {
        await using var runtime = await StartAsync();
        var scheduler = runtime.Get<ScheduleRunner>();

        (await scheduler.RunDueAsync()).Should().BeEmpty();
        clock.Set(new DateTimeOffset(2026, 3, 2, 11, 0, 2, TimeSpan.Zero));
        var started = await scheduler.RunDueAsync();
        var again = await scheduler.RunDueAsync();

        started.Should().Equal("hourly-report@2026-03-02T11:00:00Z");
        again.Should().BeEmpty();
        await runtime.WaitForEndAsync(started[0]);
    }

    [Fact]
    public async Task RunDueAsync_AfterDowntime_StartsTheLatestMissedRunOnceAndNeverTwiceAcrossRestarts()
    {
        await using (var runtime = await StartAsync())
        {
            await runtime.Get<ScheduleRunner>().RunDueAsync();
        }

        clock.Set(new DateTimeOffset(2026, 3, 2, 14, 30, 0, TimeSpan.Zero));
        await using (var runtime = await StartAsync())
        {
            (await runtime.Get<ScheduleRunner>().RunDueAsync()).Should().Equal("hourly-report@2026-03-02T14:00:00Z");
        }

        await using var restarted = await StartAsync();
        (await restarted.Get<ScheduleRunner>().RunDueAsync()).Should().BeEmpty();
        var retry = await restarted.Client.StartAsync(new StartRequest("hourly-report", null, InstanceId: "hourly-report@2026-03-02T14:00:00Z"));
        retry.Created.Should().BeFalse();
        (await restarted.Client.ListAsync(new InstanceQuery(WorkflowId: "hourly-report"))).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task RunDueAsync_AfterDowntimeWithCatchUpOff_StartsNothing()
    {
        await using (var runtime = await StartAsync(catchUp: false))
        {
            await runtime.Get<ScheduleRunner>().RunDueAsync();
        }

        clock.Set(new DateTimeOffset(2026, 3, 2, 14, 30, 0, TimeSpan.Zero));
        await using var restarted = await StartAsync(catchUp: false);

        (await restarted.Get<ScheduleRunner>().RunDueAsync()).Should().BeEmpty();
    }

    [Fact]
    public void CronSchedule_SixFieldsInATimeZone_GivesUtcOccurrences()
    {
        var cron = CronSchedule.Parse(new Engine.Definitions.ScheduleTrigger("30 0 9 * * *", "Europe/Paris"));

        var due = cron.Occurrences(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero));

        due.Should().Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 30, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 8, 0, 30, TimeSpan.Zero));
    }

    public void Dispose() => folder.Dispose();
}
