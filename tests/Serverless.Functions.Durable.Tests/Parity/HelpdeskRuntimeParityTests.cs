using System.Text.Json.Nodes;
using FluentAssertions.Execution;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Connectors.Sandbox;
using Serverless.Connectors.Zoho;
using Serverless.Engine.Interpreter;
using Serverless.Helpdesk;
using Serverless.Helpdesk.Batches;
using Serverless.Helpdesk.Demo;
using Serverless.Helpdesk.ExamPortal;
using Serverless.Helpdesk.Queue;
using Serverless.Functions.Durable.Tests.Support;
using Serverless.Runtime.Abstractions;
using Xunit.Abstractions;

namespace Serverless.Functions.Durable.Tests.Parity;

/// <summary>
/// The helpdesk batch (seed 001) on the embedded runtime and on Durable at once: the same 12-ticket backlog in the
/// sandbox Zoho (one ticket per outcome and date case), refresh, then a production batch as of the same day. The
/// batch workflow runs one helpdesk-ticket sub-orchestration per ticket; the v3 results, the processed list and
/// every call the sandbox recorded must be the same on both runtimes.
/// </summary>
public sealed class HelpdeskRuntimeParityTests(ITestOutputHelper output)
{
    private const string Today = "2026-02-03";

    [Fact]
    public async Task Helpdesk_ABatchOfTwelve_SameResultsOnBothRuntimes()
    {
        var outcomes = await Task.WhenAll(RunAsync(Runtimes.Embedded), RunAsync(Runtimes.Durable));
        foreach (var o in outcomes)
        {
            using var scope = new AssertionScope(o.Runtime);
            output.WriteLine($"{o.Runtime}: {o.Status}, {o.Summary.ToJsonString()}");
            o.Status.Should().Be(InstanceStatus.Completed);
            o.Summary["by_action"]!.ToJsonString().Should().Be("""{"GO":7,"ROUTE":1,"NEEDS_CLARIFICATION":1,"DUPLICATE_UBER":1,"STOPPED_EXAM_DATE_PASSED":2}""");
            o.Summary["failed"]!.GetValue<int>().Should().Be(0);
            o.Sandbox.Count(c => c == "CreateDraftReplyAsync").Should().Be(8);
        }

        outcomes[1].Results.ToJsonString().Should().Be(outcomes[0].Results.ToJsonString(), "the v3 results are the same");
        outcomes[1].Processed.ToJsonString().Should().Be(outcomes[0].Processed.ToJsonString());
        outcomes[1].Sandbox.Should().Equal(outcomes[0].Sandbox, "the same calls in the same order per ticket");
    }

    private static async Task<Outcome> RunAsync(string runtime)
    {
        var workflows = Directory.CreateTempSubdirectory("helpdesk-parity-workflows-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "workflows", "helpdesk"), "*.json"))
        {
            File.Copy(file, Path.Combine(workflows, Path.GetFileName(file)));
        }

        await using var harness = await Runtimes.StartAsync(runtime, _ => { }, new Dictionary<string, string?>
        {
            ["Runtime:WorkflowsFolder"] = workflows,
            ["Helpdesk:DemoData"] = "false",
            ["Crm:DemoData"] = "false",
            ["Crm:Jobs:Enabled"] = "false",
        });
        var services = harness.Services;
        new HelpdeskDemoBacklog(DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture))
            .FillSandbox(services.GetRequiredService<ZohoSandboxData>(), services.GetRequiredService<ExamPortalSandboxData>());
        (await services.GetRequiredService<PendingRefresh>().RunAsync(default)).Pending.Should().Be(12);

        var start = await services.GetRequiredService<HelpdeskBatches>().StartAsync(new BatchRequest(12, DryRun: false, DelaySeconds: 0, Today: Today), default);
        var view = await harness.WaitForEndAsync(start.BatchId, 120_000);
        var store = services.GetRequiredService<HelpdeskBatchStore>();
        var results = (await store.ListResultsAsync(start.BatchId, default)).OrderBy(r => r["ticket_id"]!.GetValue<string>(), StringComparer.Ordinal).ToList();
        var processed = (await services.GetRequiredService<HelpdeskQueue>().ListProcessedAsync(default))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => (JsonNode?)new JsonObject { ["id"] = p.Id, ["success"] = p.Success, ["stage"] = p.WorkflowStage, ["action"] = p.TriageAction, ["intent"] = p.PrimaryIntent, ["draft"] = p.DraftCreated })
            .ToArray();
        var children = await harness.Client.ListAsync(new InstanceQuery(HelpdeskNames.TicketWorkflow, Limit: 100));
        var log = services.GetRequiredService<ISandboxCallLog>();
        var calls = new List<(string Ticket, string Operation)>();
        foreach (var child in children.Items)
        {
            var ticket = (await harness.Client.GetAsync(child.InstanceId))!.Input!["ticketId"]!.GetValue<string>();
            calls.AddRange((await log.ListAsync(child.InstanceId, default)).Select(c => (ticket, $"{c.Connector}.{c.Operation}")));
        }

        var summary = BatchSummary.OfResults(results).ToJson();
        return new Outcome(runtime, view.Status, summary, new JsonArray(results.Select(r => (JsonNode?)r.DeepClone()).ToArray()), new JsonArray(processed),
            calls.OrderBy(c => c.Ticket, StringComparer.Ordinal).Select(c => c.Operation.Split('.')[^1]).ToList());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Serverless.sln not found");
    }

    private sealed record Outcome(string Runtime, InstanceStatus Status, JsonObject Summary, JsonArray Results, JsonArray Processed, IReadOnlyList<string> Sandbox);
}
