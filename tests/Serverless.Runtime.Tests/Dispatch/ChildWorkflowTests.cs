using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Dispatch;

public sealed class ChildWorkflowTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static void Configure(IServiceCollection services, bool childFails = false)
    {
        services.AddWorkflowDefinition(Workflows.Parse("""
            {
              "id": "parent",
              "steps": [ { "type": "subWorkflow", "id": "enrich", "workflow": "child", "input": { "n": "{{trigger.body.n}}" } } ],
              "output": { "doubled": "{{steps.enrich.output.doubled}}" }
            }
            """));
        services.AddWorkflowDefinition(Workflows.Parse("""
            {
              "id": "child",
              "steps": [ { "type": "activity", "id": "double", "activity": "double", "input": { "n": "{{trigger.body.n}}" } } ],
              "output": { "doubled": "{{steps.double.output}}" }
            }
            """));
        services.AddActivity("double", (context, _) => childFails
            ? throw new ActivityException("Permanent", "no doubling today")
            : Task.FromResult<JsonNode?>(context.Input!["n"]!.GetValue<int>() * 2));
    }

    [Fact]
    public async Task SubWorkflow_ChildCompletes_ParentReceivesItsOutput()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, s => Configure(s));

        var id = (await runtime.Client.StartAsync(new StartRequest("parent", new JsonObject { ["n"] = 21 }))).InstanceId;
        var view = await runtime.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Completed);
        view.Output!["doubled"]!.GetValue<int>().Should().Be(42);
        var children = await runtime.Client.ListAsync(new InstanceQuery(WorkflowId: "child"));
        children.Items.Should().ContainSingle().Which.InstanceId.Should().Be($"{id}:enrich");
    }

    [Fact]
    public async Task SubWorkflow_ChildFails_ParentFails()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, s => Configure(s, childFails: true));

        var id = (await runtime.Client.StartAsync(new StartRequest("parent", new JsonObject { ["n"] = 1 }))).InstanceId;
        var view = await runtime.WaitForEndAsync(id);

        view.Status.Should().Be(InstanceStatus.Failed);
        view.Error!.StepId.Should().Be("enrich");
    }

    public void Dispose() => folder.Dispose();
}
