using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Activities;

public sealed class ActivityRetryTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static WorkflowDefinition Flaky(string activity, string? timeout = null) => Workflows.Parse($$"""
        {
          "id": "flaky",
          "steps": [
            { "type": "activity", "id": "call", "activity": "{{activity}}", {{(timeout is null ? "" : $"\"timeout\": \"{timeout}\",")}}
              "retry": { "maxAttempts": 3, "firstInterval": "10s", "retryOn": ["Transient", "Timeout", "RateLimited"] } }
          ]
        }
        """);

    [Fact]
    public async Task Activity_FailingTwiceThenSucceeding_CompletesOnTheThirdAttemptWithOneIdempotencyKey()
    {
        var calls = new List<ActivityContext>();
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, services =>
        {
            services.AddWorkflowDefinition(Flaky("flaky"));
            services.AddActivity("flaky", (context, _) =>
            {
                lock (calls)
                {
                    calls.Add(context);
                    if (calls.Count < 3)
                    {
                        throw new HttpRequestException("503 from the CRM");
                    }
                }

                return Task.FromResult<JsonNode?>(new JsonObject { ["ok"] = true });
            });
        });

        var started = await runtime.Client.StartAsync(new StartRequest("flaky", null));
        var view = await runtime.WaitForEndAsync(started.InstanceId, tick: () => clock.Advance(TimeSpan.FromSeconds(5)));

        view.Status.Should().Be(InstanceStatus.Completed);
        view.Timeline.Single().Attempts.Should().Be(3);
        calls.Select(c => c.Attempt).Should().Equal(1, 2, 3);
        calls.Select(c => c.IdempotencyKey).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Activity_ThrowingPermanentActivityException_FailsWithoutRetry()
    {
        var calls = 0;
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, services =>
        {
            services.AddWorkflowDefinition(Flaky("broken"));
            services.AddActivity("broken", (_, _) =>
            {
                Interlocked.Increment(ref calls);
                throw new ActivityException(ErrorKinds.Unauthorized, "HubSpot token rejected");
            });
        });

        var started = await runtime.Client.StartAsync(new StartRequest("flaky", null));
        var view = await runtime.WaitForEndAsync(started.InstanceId);

        view.Status.Should().Be(InstanceStatus.Failed);
        view.Error!.Kind.Should().Be(ErrorKinds.Unauthorized);
        calls.Should().Be(1);
    }

    [Fact]
    public async Task Activity_RunningPastItsTimeout_IsReportedAsTimeoutAndRetried()
    {
        var calls = 0;
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, services =>
        {
            services.AddWorkflowDefinition(Flaky("slow", timeout: "200ms"));
            services.AddActivity("slow", async (_, token) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    await Task.Delay(Timeout.Infinite, token);
                }

                return new JsonObject { ["ok"] = true };
            });
        });

        var started = await runtime.Client.StartAsync(new StartRequest("flaky", null));
        var view = await runtime.WaitForEndAsync(started.InstanceId, tick: () => clock.Advance(TimeSpan.FromMilliseconds(100)));

        view.Status.Should().Be(InstanceStatus.Completed);
        view.Timeline.Single().Attempts.Should().Be(2);
        view.Timeline.Single().Notes.Should().Contain(n => n.Contains(ErrorKinds.Timeout, StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();
}
