using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Client;

public sealed class IdempotentStartTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static void Configure(IServiceCollection services)
    {
        services.AddWorkflowDefinition(Workflows.Parse("""
            { "id": "one", "steps": [ { "type": "activity", "id": "a", "activity": "noop" } ] }
            """));
        services.AddActivity("noop", (_, _) => Task.FromResult<JsonNode?>(null));
    }

    [Fact]
    public async Task StartAsync_SameIdempotencyKey_ReturnsTheExistingInstance()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure);

        var results = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(_ => runtime.Client.StartAsync(new StartRequest("one", null, IdempotencyKey: "order-42"))));
        var later = await runtime.Client.StartAsync(new StartRequest("one", null, IdempotencyKey: "order-42"));

        results.Select(r => r.InstanceId).Distinct().Should().ContainSingle();
        results.Count(r => r.Created).Should().Be(1);
        later.Should().Be(new StartResult(results[0].InstanceId, Created: false));
        (await runtime.Client.ListAsync(new InstanceQuery(WorkflowId: "one"))).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task StartAsync_ExplicitInstanceIdTwice_StartsOnceAcrossRestarts()
    {
        await using (var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure))
        {
            (await runtime.Client.StartAsync(new StartRequest("one", null, InstanceId: "fixed-1"))).Created.Should().BeTrue();
            await runtime.WaitForEndAsync("fixed-1");
        }

        await using var restarted = await RuntimeHarness.StartAsync(folder.Path, clock, Configure);
        (await restarted.Client.StartAsync(new StartRequest("one", null, InstanceId: "fixed-1"))).Created.Should().BeFalse();
    }

    [Fact]
    public async Task ListAsync_WithFiltersAndContinuationToken_PagesThroughEveryInstanceOnce()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure);
        for (var i = 0; i < 7; i++)
        {
            await runtime.Client.StartAsync(new StartRequest("one", null, InstanceId: $"i{i}"));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await runtime.WaitForEndAsync("i6");
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await runtime.Client.ListAsync(new InstanceQuery(WorkflowId: "one", Limit: 3, ContinuationToken: token));
            seen.AddRange(page.Items.Select(i => i.InstanceId));
            token = page.ContinuationToken;
        }
        while (token is not null);

        seen.Should().Equal("i6", "i5", "i4", "i3", "i2", "i1", "i0");
        (await runtime.Client.ListAsync(new InstanceQuery(Status: InstanceStatus.Failed))).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task PurgeAsync_FinishedInstance_IsGone()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure);
        await runtime.Client.StartAsync(new StartRequest("one", null, InstanceId: "p1"));
        await runtime.WaitForEndAsync("p1");

        (await runtime.Client.PurgeAsync("p1")).Should().BeTrue();

        (await runtime.Client.GetAsync("p1")).Should().BeNull();
        (await runtime.Client.PurgeAsync("p1")).Should().BeFalse();
    }

    public void Dispose() => folder.Dispose();
}
