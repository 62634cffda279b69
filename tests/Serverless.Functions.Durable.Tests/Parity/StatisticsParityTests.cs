using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Interpreter;
using Serverless.Functions.Durable.Tests.Support;
using Serverless.Runtime.Abstractions;
using Xunit.Abstractions;

namespace Serverless.Functions.Durable.Tests.Parity;

/// <summary>The same instances on the embedded runtime and on Durable: GET /api/stats's figures (its SQL there, the
/// listing-based statistics here) and the dryRun filter of the listing agree.</summary>
public sealed class StatisticsParityTests(ITestOutputHelper output)
{
    private const string Ok = """
        { "id": "stats-ok", "version": 1, "steps": [ { "id": "say", "type": "activity", "activity": "test.echo", "input": { "n": "{{input.n}}" } } ] }
        """;

    private const string Broken = """
        { "id": "stats-broken", "version": 1,
          "steps": [ { "id": "boom", "type": "activity", "activity": "test.fail", "input": { "message": "the CRM refused" } } ] }
        """;

    [Fact]
    public async Task StatsAndDryRunFilter_SameInstances_AgreeOnBothRuntimes()
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var outcomes = await Task.WhenAll(RunAsync(Runtimes.Embedded, prefix), RunAsync(Runtimes.Durable, prefix));
        output.WriteLine("embedded: " + outcomes[0]);
        output.WriteLine("durable:  " + outcomes[1]);

        outcomes[1].Should().Be(outcomes[0]);
        var parsed = JsonNode.Parse(outcomes[0])!;
        parsed["totals"]!.ToJsonString().Should().Be("""{"executions":4,"completed":3,"failed":1,"terminated":0,"running":0,"successRate":0.75}""");
        parsed["dryRun"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal($"{prefix}-ok-1", $"{prefix}-ok-3");
    }

    /// <summary>What both runtimes must show alike: every figure but the durations and times (the two runs do not take
    /// the same milliseconds), which must be present for finished instances.</summary>
    private static async Task<string> RunAsync(string runtime, string prefix)
    {
        var recorder = new ActivityRecorder();
        await using var harness = await Runtimes.StartAsync(runtime, services => services.AddTestActivities(recorder).AddDefinition(Ok).AddDefinition(Broken));
        var starts = new (string Id, string Workflow, bool DryRun)[]
        {
            ($"{prefix}-ok-1", "stats-ok", true), ($"{prefix}-ok-2", "stats-ok", false), ($"{prefix}-ok-3", "stats-ok", true),
            ($"{prefix}-broken-1", "stats-broken", false),
        };
        foreach (var (id, workflow, dryRun) in starts)
        {
            await harness.Client.StartAsync(new StartRequest(workflow, new JsonObject { ["n"] = id }, InstanceId: id, DryRun: dryRun));
        }

        foreach (var (id, _, _) in starts)
        {
            await harness.WaitForEndAsync(id);
        }

        var now = DateTimeOffset.UtcNow;
        var stats = await harness.Services.GetRequiredService<IInstanceStatistics>()
            .ComputeAsync(new StatisticsQuery(now.AddDays(-1), now.AddDays(1), StatisticsBucket.Day));
        stats.Totals.DurationMs.P50.Should().NotBeNull($"{runtime}: finished instances have durations");
        stats.Workflows.Should().OnlyContain(w => w.DurationMs.Max != null && w.LastRunAt != null, runtime);

        var dry = await harness.Client.ListAsync(new InstanceQuery(DryRun: true, Limit: 100));
        var real = await harness.Client.ListAsync(new InstanceQuery(DryRun: false, Limit: 100));
        var failed = real.Items.Single(i => i.Status == InstanceStatus.Failed);
        return new JsonObject
        {
            ["totals"] = new JsonObject
            {
                ["executions"] = stats.Totals.Executions, ["completed"] = stats.Totals.Completed, ["failed"] = stats.Totals.Failed,
                ["terminated"] = stats.Totals.Terminated, ["running"] = stats.Totals.Running, ["successRate"] = stats.Totals.SuccessRate,
            },
            ["workflows"] = new JsonArray([.. stats.Workflows.Select(w => (JsonNode)$"{w.WorkflowId} {w.Executions} {w.Completed} {w.Failed} {w.SuccessRate}")]),
            ["series"] = new JsonArray([.. stats.Series.Select(p => (JsonNode)$"{p.Start:O} {p.Executions} {p.Completed} {p.Failed}")]),
            ["truncated"] = stats.Truncated,
            ["dryRun"] = new JsonArray([.. dry.Items.Select(i => (JsonNode)i.InstanceId).OrderBy(i => i!.GetValue<string>(), StringComparer.Ordinal)]),
            ["realRuns"] = new JsonArray([.. real.Items.Select(i => (JsonNode)i.InstanceId).OrderBy(i => i!.GetValue<string>(), StringComparer.Ordinal)]),
            ["failed"] = $"{failed.InstanceId} {failed.Error?.StepId} {failed.Error?.Kind} {failed.Error?.Message}",
        }.ToJsonString();
    }
}
