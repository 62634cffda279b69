using System.Text.Json.Nodes;
using Serverless.Engine.Interpreter;
using Serverless.Functions.Durable.Tests.Support;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;

namespace Serverless.Functions.Durable.Tests.Durable;

public sealed class OrchestratorSmokeTests
{
    private const string Greeting = """
        {
          "id": "greeting", "version": 1, "triggers": [{ "type": "manual" }],
          "steps": [
            { "id": "greet", "type": "activity", "activity": "test.greet", "input": { "name": "{{input.name}}" } }
          ],
          "output": { "message": "{{steps.greet.output.message}}" }
        }
        """;

    [Theory]
    [MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public async Task StartAsync_ActivityWorkflow_CompletesWithOutputAndTimeline(string runtime)
    {
        await using var harness = await Runtimes.StartAsync(runtime, services => services
            .AddDefinition(Greeting)
            .AddActivity("test.greet", (context, _) => Task.FromResult<JsonNode?>(new JsonObject { ["message"] = $"Hello, {context.Input?["name"]}!" })));

        var started = await harness.Client.StartAsync(new StartRequest("greeting", new JsonObject { ["name"] = "Ada" }));
        var view = await harness.WaitForEndAsync(started.InstanceId);

        view.Status.Should().Be(InstanceStatus.Completed);
        view.Output!["message"]!.GetValue<string>().Should().Be("Hello, Ada!");
        view.Timeline.Should().ContainSingle(s => s.StepId == "greet" && s.Status == StepStatus.Completed);
    }
}
