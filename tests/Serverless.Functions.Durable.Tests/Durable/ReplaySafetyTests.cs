using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Interpreter;
using Serverless.Functions.Durable.Tests.Support;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;

namespace Serverless.Functions.Durable.Tests.Durable;

/// <summary>Durable re-runs the orchestrator from the start after every await and checks each decision against the
/// recorded history. A workflow with activities, a timer and an external event replays many times; the real
/// orchestrator survives that, and a deliberately non-deterministic change (work issued only on the first run,
/// the classic "side effect outside an activity" bug) is caught by the engine and fails the test.</summary>
public sealed class ReplaySafetyTests
{
    private const string Replayed = """
        {
          "id": "replayed", "version": 1, "triggers": [{ "type": "manual" }],
          "steps": [
            { "id": "first", "type": "activity", "activity": "test.echo", "input": { "n": 1 } },
            { "id": "pause", "type": "wait", "duration": "1s" },
            { "id": "signal", "type": "waitForEvent", "event": "go", "timeout": "30s" },
            { "id": "second", "type": "activity", "activity": "test.echo", "input": { "n": 2 } }
          ],
          "output": { "first": "{{steps.first.output.n}}", "second": "{{steps.second.output.n}}" }
        }
        """;

    [Fact]
    public async Task RealOrchestrator_ReplayedAfterEveryAwait_CompletesWithTheSameDecisions()
    {
        await using var harness = await DurableHarness.StartAsync(Register);

        var metadata = await RunAsync(harness);

        metadata.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
        var view = await harness.Client.GetAsync(metadata.InstanceId);
        view!.Status.Should().Be(InstanceStatus.Completed);
        view.Output!["second"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task NonDeterministicOrchestrator_IsCaughtOnReplay()
    {
        // The mutation: one extra activity call made only when the orchestrator is not replaying.
        await using var harness = await DurableHarness.StartAsync(Register, orchestrator: async (workflow, context) =>
        {
            if (!context.IsReplaying)
            {
                await context.CallActivityAsync<ActivityResult>(RunActivityFunction.Name,
                    new ActivityRequest("""{"type":"runActivity"}""", context.InstanceId, "replayed", DryRun: false));
            }

            return await workflow.RunAsync(context);
        });

        var metadata = await RunAsync(harness);

        // The isolated SDK does not name the mismatch: the replayed run receives the history's results for the wrong
        // tasks and the orchestration fails. What matters is that it cannot complete as if nothing were wrong.
        metadata.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Failed, "a replay whose decisions differ from its history must not complete");
        metadata.FailureDetails.Should().NotBeNull();
    }

    private static async Task<OrchestrationMetadata> RunAsync(DurableHarness harness)
    {
        var started = await harness.Client.StartAsync(new StartRequest("replayed", null));
        await Task.Delay(1_500);
        await harness.Client.RaiseEventAsync(started.InstanceId, "go", new JsonObject { ["ok"] = true });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await harness.Durable.WaitForInstanceCompletionAsync(started.InstanceId, getInputsAndOutputs: true, timeout.Token);
    }

    private static void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services
        .AddDefinition(Replayed)
        .AddActivity("test.echo", (context, _) => Task.FromResult(context.Input?.DeepClone()));
}
