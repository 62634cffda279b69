using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Interpreter;
using Serverless.Functions.Durable.Tests.Support;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;

namespace Serverless.Functions.Durable.Tests.Durable;

/// <summary>A forEach over 2,000 items whose outputs grow the state to several MB runs to the same result on both
/// runtimes, while Durable's limits hold: custom status under 16 KB at every look, orchestration output small, and
/// the state (larger than the 3.9 MB Durable accepts in one activity input) saved and loaded in parts. About two
/// minutes on the 2-core reference machine, most of it the per-event cost of a multi-MB state on each runtime.</summary>
[Collection(AloneCollection.Name)]
public sealed class LargeStateTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Items = 2_000;

    private const string Fanout = """
        {
          "id": "large-state", "version": 1, "triggers": [{ "type": "manual" }],
          "steps": [
            {
              "id": "each", "type": "forEach", "items": "{{input.items}}",
              "steps": [
                { "id": "pad", "type": "activity", "activity": "test.pad", "input": { "n": "{{item}}" } }
              ]
            }
          ],
          "output": { "results": "{{steps.each.output}}" }
        }
        """;

    [Fact]
    public async Task ForEach_StateOfSeveralMegabytes_SameResultOnBothRuntimesWithinDurableLimits()
    {
        var input = new JsonObject { ["items"] = new JsonArray(Enumerable.Range(0, Items).Select(i => (JsonNode)i).ToArray()) };

        var clock = System.Diagnostics.Stopwatch.StartNew();
        InstanceView embedded;
        await using (var harness = await Runtimes.StartAsync(Runtimes.Embedded, Register))
        {
            var started = await harness.Client.StartAsync(new StartRequest("large-state", input.DeepClone()));
            embedded = await harness.WaitForEndAsync(started.InstanceId, timeoutMs: 240_000);
        }

        output.WriteLine($"embedded: {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        await using var durable = await DurableHarness.StartAsync(Register);
        var run = await durable.Client.StartAsync(new StartRequest("large-state", input.DeepClone()));
        var largestStatus = 0;
        InstanceView? view = null;
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var metadata = await durable.Durable.GetInstanceAsync(run.InstanceId, getInputsAndOutputs: true);
            largestStatus = Math.Max(largestStatus, Encoding.UTF8.GetByteCount(metadata?.SerializedCustomStatus ?? ""));
            if (metadata?.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed)
            {
                metadata.FailureDetails.Should().BeNull();
                metadata.SerializedOutput!.Length.Should().BeLessThan(4_096, "the final state is in blob storage, referenced");
                view = await durable.Client.GetAsync(run.InstanceId);
                break;
            }

            await Task.Delay(200);
        }

        output.WriteLine($"durable: {clock.Elapsed.TotalSeconds:0.0} s");
        view.Should().NotBeNull("the Durable run ends within four minutes");
        var stateBytes = Encoding.UTF8.GetByteCount(view!.Output!.ToJsonString());
        stateBytes.Should().BeGreaterThan(2_000_000, "the scenario is about several MB of step outputs");
        largestStatus.Should().BeLessThanOrEqualTo(16 * 1024);
        view.Status.Should().Be(InstanceStatus.Completed);
        embedded.Status.Should().Be(InstanceStatus.Completed);
        JsonNode.DeepEquals(view.Output, embedded.Output).Should().BeTrue();
        view.Timeline.Select(s => (s.Key, s.Status, s.Attempts)).Should().Equal(embedded.Timeline.Select(s => (s.Key, s.Status, s.Attempts)));
    }

    private static void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services
        .AddDefinition(Fanout)
        .AddActivity("test.pad", (context, _) =>
        {
            var n = context.Input!["n"]!.GetValue<int>();
            return Task.FromResult<JsonNode?>(new JsonObject { ["n"] = n, ["text"] = new string((char)('a' + (n % 26)), 1_500) });
        });
}
