using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Dispatch;

public sealed class EventDeliveryTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Configure(IServiceCollection services)
    {
        services.AddWorkflowDefinition(Workflows.Parse("""
            {
              "id": "approval",
              "steps": [
                { "type": "activity", "id": "prepare", "activity": "prepare" },
                { "type": "waitForEvent", "id": "decision", "event": "decided", "timeout": "1d" }
              ],
              "output": { "decision": "{{steps.decision.output.choice}}" }
            }
            """));
        services.AddActivity("prepare", async (_, token) =>
        {
            await release.Task.WaitAsync(token);
            return null;
        });
    }

    [Fact]
    public async Task RaiseEventAsync_BeforeTheInstanceWaits_IsKeptAndDelivered()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure);
        var id = (await runtime.Client.StartAsync(new StartRequest("approval", null))).InstanceId;

        (await runtime.Client.RaiseEventAsync(id, "decided", new JsonObject { ["choice"] = "yes" })).Should().BeTrue();
        release.SetResult();
        var view = await runtime.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Completed);
        view.Output!["decision"]!.GetValue<string>().Should().Be("yes");
    }

    [Fact]
    public async Task RaiseEventAsync_UnknownInstance_ReturnsFalse()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure);

        (await runtime.Client.RaiseEventAsync("missing", "decided", null)).Should().BeFalse();
    }

    [Fact]
    public async Task TerminateAsync_WaitingInstance_EndsTerminated()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure);
        release.SetResult();
        var id = (await runtime.Client.StartAsync(new StartRequest("approval", null))).InstanceId;
        await runtime.WaitForAsync(id, v => v.Timeline.Any(r => r.StepId == "decision"));

        (await runtime.Client.TerminateAsync(id, "customer cancelled")).Should().BeTrue();
        var view = await runtime.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Terminated);
    }

    public void Dispose() => folder.Dispose();
}
