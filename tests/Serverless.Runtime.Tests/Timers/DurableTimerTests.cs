using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Timers;

public sealed class DurableTimerTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private int followUps;

    private void Configure(IServiceCollection services)
    {
        services.AddWorkflowDefinition(Workflows.Parse("""
            {
              "id": "reminder",
              "steps": [
                { "type": "wait", "id": "pause", "duration": "2h" },
                { "type": "activity", "id": "remind", "activity": "remind" }
              ]
            }
            """));
        services.AddActivity("remind", (_, _) =>
        {
            Interlocked.Increment(ref followUps);
            return Task.FromResult<JsonNode?>(new JsonObject { ["sent"] = true });
        });
    }

    [Fact]
    public async Task Timer_DueWhileTheRuntimeWasStopped_FiresAfterTheRestart()
    {
        string instanceId;
        await using (var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure))
        {
            instanceId = (await runtime.Client.StartAsync(new StartRequest("reminder", null))).InstanceId;
            await runtime.WaitForAsync(instanceId, v => v.Timeline.Any(r => r.StepId == "pause" && r.Status == StepStatus.Waiting));
            clock.Advance(TimeSpan.FromMinutes(30));
            await Task.Delay(150);
            (await runtime.Client.GetAsync(instanceId))!.Status.Should().NotBe(InstanceStatus.Completed);
        }

        clock.Advance(TimeSpan.FromHours(3));
        await using var restarted = await RuntimeHarness.StartAsync(folder.Path, clock, Configure);
        var view = await restarted.WaitForEndAsync(instanceId);

        view.Status.Should().Be(InstanceStatus.Completed);
        followUps.Should().Be(1);
    }

    public void Dispose() => folder.Dispose();
}
