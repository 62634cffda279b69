using System.Text.Json.Nodes;
using Serverless.Host.Tests.Support;
using Xunit.Abstractions;

namespace Serverless.Host.Tests.Helpdesk;

/// <summary>The README's walkthrough with the CLI against the embedded host as `scripts/run.sh` starts it (demo
/// backlog in the sandbox Zoho): refresh, status, a production batch refused without an answer, a dry run, export.</summary>
public sealed class HelpdeskCliTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheWalkthrough_Refresh_Status_DryRun_Export()
    {
        using var data = new TempFolder();
        await using var host = HostProcess.Start(data.Path, HostProcess.FreePort());
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        var url = $"http://127.0.0.1:{host.Port}";
        var work = Path.Combine(data.Path, "cli");
        Directory.CreateDirectory(work);

        var refresh = await Cli(url, work, "refresh");
        refresh.Output.Should().Contain("Read 12 open tickets").And.Contain("12 pending");

        var status = await Cli(url, work, "--status");
        status.Exit.Should().Be(0);
        status.Output.Should().Contain("Pending: 12").And.Contain("STOPPED_EXAM_DATE_PASSED");

        var refused = await Cli(url, work, "-n", "3");
        refused.Exit.Should().Be(5, "a production batch needs an answer, and nobody can give one here");
        refused.Output.Should().Contain("pass --yes");
        (await HelpdeskApi.StatusAsync(host.Http))["running_batch"].Should().BeNull("nothing was started");

        var dry = await Cli(url, work, "-n", "12", "-d", "--delay", "0");
        dry.Exit.Should().Be(0, dry.Output);
        dry.Output.Should().Contain("dry run").And.Contain("GO (CAS 8)").And.Contain("draft to amina.benali@example.com")
            .And.Contain("CRM deal").And.Contain("move to refus-cma").And.Contain("Drafts that would be made: 8");
        Directory.GetFiles(Path.Combine(work, "data"), "batch_results_*.json").Should().ContainSingle();
        (await HelpdeskApi.StatusAsync(host.Http))["pending"]!.GetValue<int>().Should().Be(12);

        var export = await Cli(url, work, "export", "--out", "out");
        export.Exit.Should().Be(0, export.Output);
        var pending = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(work, "out", "doc_tickets_pending.json")))!.AsArray();
        pending.Should().HaveCount(12);
        pending[0]!.AsObject().Select(p => p.Key).Should().Equal("id", "ticketNumber", "subject", "createdTime");
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(work, "out", "doc_tickets_processed.json")))!.AsArray().Should().BeEmpty();
        var results = Directory.GetFiles(Path.Combine(work, "out", "data"), "batch_results_*.json");
        JsonNode.Parse(await File.ReadAllTextAsync(results.Single()))!.AsArray().Should().HaveCount(12);
    }

    private async Task<(int Exit, string Output)> Cli(string url, string work, params string[] args)
    {
        var result = await CliProcess.RunAsync(url, work, args);
        output.WriteLine($"$ helpdesk {string.Join(' ', args)}\n{result.Output}");
        return result;
    }
}
