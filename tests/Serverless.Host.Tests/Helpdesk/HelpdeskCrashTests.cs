using Serverless.Host.Tests.Support;
using Xunit.Abstractions;

namespace Serverless.Host.Tests.Helpdesk;

/// <summary>The operator's worst case: the host is killed (SIGKILL, as kill -9) in the middle of a production batch
/// against Zoho, started again on the same data, and the same CLI command run again.</summary>
public sealed class HelpdeskCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledMidBatch_TheSameCommandResumes_NoTicketTwice_NoSecondDraft_NothingLost()
    {
        await using var zoho = await ZohoBacklog.StartAsync();
        using var data = new TempFolder();
        var environment = ZohoBacklog.Environment(zoho);
        var port = HostProcess.FreePort();
        string batchId;
        await using (var first = HostProcess.Start(data.Path, port, environment: environment))
        {
            await first.WaitHealthyAsync(TimeSpan.FromSeconds(90));
            (await HelpdeskApi.RefreshAsync(first.Http))["pending"]!.GetValue<int>().Should().Be(ZohoBacklog.Tickets);
            batchId = await HelpdeskApi.StartAsync(first.Http, """{"count": 12, "delay": 0.4}""");
            await WaitUntilAsync(async () => (await HelpdeskApi.BatchAsync(first.Http, batchId))["done"]!.GetValue<int>() >= 3, first);
            first.Kill();
        }

        var draftsAtKill = zoho.Drafts.Count;
        draftsAtKill.Should().BeLessThan(ZohoBacklog.Drafted, "the batch was stopped before its end");

        await using var second = HostProcess.Start(data.Path, port, environment: environment);
        await second.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        var (exit, cli) = await CliProcess.RunAsync($"http://127.0.0.1:{port}", null, "--count", "12", "--yes");
        output.WriteLine(cli);

        cli.Should().Contain($"Resuming the unfinished batch {batchId}", "the same command attaches to the batch the runtime resumed");
        exit.Should().Be(0, cli);
        var batch = await HelpdeskApi.BatchAsync(second.Http, batchId);
        batch["status"]!.GetValue<string>().Should().Be("Completed");
        batch["results"]!.AsArray().Select(r => r!["ticket_id"]!.GetValue<string>()).Should().HaveCount(ZohoBacklog.Tickets).And.OnlyHaveUniqueItems();
        zoho.Drafts.Should().HaveCount(ZohoBacklog.Drafted, "one draft per answered ticket, none twice");
        zoho.Drafts.GroupBy(d => d.TicketId).Should().OnlyContain(g => g.Count() == 1);
        zoho.Comments.GroupBy(c => c.TicketId).Should().OnlyContain(g => g.Count() == 1, "notes are marked like drafts");
        var status = await HelpdeskApi.StatusAsync(second.Http);
        status["pending"]!.GetValue<int>().Should().Be(0);
        status["processed"]!.GetValue<int>().Should().Be(ZohoBacklog.Tickets, "nothing lost from processed");
        cli.Should().Contain("GO").And.Contain("Success rate");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, HostProcess host)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The batch did not progress:\n" + host.Output);
            }

            await Task.Delay(50);
        }
    }
}
