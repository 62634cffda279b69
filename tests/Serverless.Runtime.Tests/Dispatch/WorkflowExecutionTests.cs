using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Dispatch;

public sealed class WorkflowExecutionTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static readonly string FiveSteps = """
        {
          "id": "five",
          "version": 1,
          "steps": [
            { "type": "activity", "id": "s1", "activity": "add", "input": { "value": "{{trigger.body.start}}" } },
            { "type": "activity", "id": "s2", "activity": "add", "input": { "value": "{{steps.s1.output.value}}" } },
            { "type": "activity", "id": "s3", "activity": "add", "input": { "value": "{{steps.s2.output.value}}" } },
            { "type": "activity", "id": "s4", "activity": "add", "input": { "value": "{{steps.s3.output.value}}" } },
            { "type": "activity", "id": "s5", "activity": "add", "input": { "value": "{{steps.s4.output.value}}" } }
          ],
          "output": { "result": "{{steps.s5.output.value}}" }
        }
        """;

    private static void AddFiveSteps(IServiceCollection services, List<ActivityContext>? seen = null)
    {
        services.AddWorkflowDefinition(Workflows.Parse(FiveSteps));
        services.AddActivity("add", (context, _) =>
        {
            if (seen is not null)
            {
                lock (seen)
                {
                    seen.Add(context);
                }
            }

            return Task.FromResult<JsonNode?>(new JsonObject { ["value"] = context.Input!["value"]!.GetValue<int>() + 1 });
        });
    }

    [Fact]
    public async Task StartAsync_FiveStepWorkflow_CompletesWithEveryStepInTheTimeline()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, s => AddFiveSteps(s));

        var started = await runtime.Client.StartAsync(new StartRequest("five", new JsonObject { ["start"] = 10 }));
        var view = await runtime.WaitForEndAsync(started.InstanceId);

        view.Status.Should().Be(InstanceStatus.Completed);
        view.Output!["result"]!.GetValue<int>().Should().Be(15);
        view.Timeline.Select(r => r.StepId).Should().Equal("s1", "s2", "s3", "s4", "s5");
        view.Timeline.Should().OnlyContain(r => r.Status == StepStatus.Completed && r.Attempts == 1);
    }

    [Fact]
    public async Task StartAsync_ManyInstances_AllCompleteIndependently()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, s => AddFiveSteps(s));

        var starts = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(i => runtime.Client.StartAsync(new StartRequest("five", new JsonObject { ["start"] = i }))));
        foreach (var (started, i) in starts.Select((s, i) => (s, i)))
        {
            var view = await runtime.WaitForEndAsync(started.InstanceId);
            view.Output!["result"]!.GetValue<int>().Should().Be(i + 5);
        }
    }

    [Fact]
    public async Task StartAsync_DryRun_ActivitiesSeeDryRunAndTheSameIdempotencyKeyPerStep()
    {
        var seen = new List<ActivityContext>();
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, s => AddFiveSteps(s, seen));

        var started = await runtime.Client.StartAsync(new StartRequest("five", new JsonObject { ["start"] = 1 }, DryRun: true));
        var view = await runtime.WaitForEndAsync(started.InstanceId);

        view.DryRun.Should().BeTrue();
        seen.Should().HaveCount(5).And.OnlyContain(c => c.DryRun && c.InstanceId == started.InstanceId && c.WorkflowId == "five");
        seen.Select(c => c.IdempotencyKey).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task StartAsync_UnknownWorkflow_ThrowsWorkflowNotFound()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, s => AddFiveSteps(s));

        var act = () => runtime.Client.StartAsync(new StartRequest("nope", null));

        await act.Should().ThrowAsync<Serverless.Runtime.Catalog.WorkflowNotFoundException>();
    }

    public void Dispose() => folder.Dispose();
}
