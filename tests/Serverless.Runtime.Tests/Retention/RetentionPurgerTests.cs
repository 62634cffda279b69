using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Retention;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Retention;

public sealed class RetentionPurgerTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static void Configure(IServiceCollection services)
    {
        services.AddWorkflowDefinition(Workflows.Parse("""
            {
              "id": "short",
              "steps": [ { "type": "activity", "id": "a", "activity": "noop" } ]
            }
            """));
        services.AddWorkflowDefinition(Workflows.Parse("""
            {
              "id": "long",
              "steps": [ { "type": "waitForEvent", "id": "w", "event": "never" } ]
            }
            """));
        services.AddActivity("noop", (_, _) => Task.FromResult<JsonNode?>(null));
    }

    [Fact]
    public async Task PurgeAsync_FinishedInstancesOlderThanTheRetention_AreDeletedAndRunningOnesKept()
    {
        await using var runtime = await RuntimeHarness.StartAsync(folder.Path, clock, Configure,
            new Dictionary<string, string?> { ["Runtime:Retention:Days"] = "30" });
        await runtime.Client.StartAsync(new StartRequest("short", null, InstanceId: "old"));
        await runtime.Client.StartAsync(new StartRequest("long", null, InstanceId: "running"));
        await runtime.WaitForEndAsync("old");
        clock.Advance(TimeSpan.FromDays(29));
        await runtime.Client.StartAsync(new StartRequest("short", null, InstanceId: "recent"));
        await runtime.WaitForEndAsync("recent");

        clock.Advance(TimeSpan.FromDays(2));
        var purged = await runtime.Get<RetentionPurger>().PurgeAsync();

        purged.Should().Be(1);
        (await runtime.Client.GetAsync("old")).Should().BeNull();
        (await runtime.Client.GetAsync("recent")).Should().NotBeNull();
        (await runtime.Client.GetAsync("running")).Should().NotBeNull();
    }

    public void Dispose() => folder.Dispose();
}
