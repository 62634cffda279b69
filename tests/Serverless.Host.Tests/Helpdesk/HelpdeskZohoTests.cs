using Microsoft.AspNetCore.Hosting;
using Serverless.Host.Tests.Support;
using Serverless.Testing.Fakes.Zoho;

namespace Serverless.Host.Tests.Helpdesk;

/// <summary>The batch through the embedded host with the real Zoho clients against the fake Zoho Desk and CRM
/// server (OAuth refresh token, orgId header, the documented endpoints and payloads).</summary>
public sealed class HelpdeskZohoTests : IAsyncLifetime, IDisposable
{
    private FakeZohoServer zoho = null!;
    private EmbeddedHostFactory factory = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        zoho = await ZohoBacklog.StartAsync();
        factory = new EmbeddedHostFactory();
        var configured = factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in ZohoBacklog.Settings(zoho))
            {
                builder.UseSetting(key, value);
            }
        });
        http = configured.CreateClient();
    }

    [Fact]
    public async Task ARealRun_WritesOneDraftPerAnsweredTicket_TheCrmFields_TheNotes_AndTheMove()
    {
        (await HelpdeskApi.RefreshAsync(http))["read"]!.GetValue<int>().Should().Be(ZohoBacklog.Tickets);

        var batch = await HelpdeskApi.WaitAsync(http, await HelpdeskApi.StartAsync(http, """{"count": 12, "delay": 0}"""));

        batch["summary"]!["failed"]!.GetValue<int>().Should().Be(0, batch.ToJsonString());
        zoho.Drafts.Should().HaveCount(ZohoBacklog.Drafted);
        zoho.Drafts.Select(d => d.TicketId).Should().OnlyHaveUniqueItems();
        zoho.Drafts.Should().OnlyContain(d => d.Body["content"]!.GetValue<string>().Contains($"Réf. helpdesk-draft:{d.TicketId}</p>", StringComparison.Ordinal));
        zoho.Drafts.Should().OnlyContain(d => d.Body["fromEmailAddress"]!.GetValue<string>() == "doc@example.com" && d.Body["channel"]!.GetValue<string>() == "EMAIL");
        var cas8 = zoho.Updates.Single(u => u.Id == HelpdeskApi.Result(batch, "198709000449000002")["deal_id"]!.GetValue<string>());
        cas8.Fields.ToJsonString().Should().Be("""{"Date_examen_VTC":{"id":"1456177000000900003"}}""", "CAS 8 moves the exam date; the session waits for the candidate");
        zoho.Updates.Should().OnlyContain(u => u.Applied);
        zoho.Comments.Should().HaveCount(4, "two exam-date-passed notes, a route reason, a duplicate Uber note");
        zoho.Comments.Should().OnlyContain(c => !c.Comment.IsPublic);
        zoho.Moves.Should().ContainSingle().Which.ToDepartmentId.Should().Be("198709000025523150");
        zoho.TokensIssued.Should().Be(1, "the access token is cached until it expires");
        (await HelpdeskApi.StatusAsync(http))["pending"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task ADryRunOnTheRealAccount_ReadsItsTickets_AndWritesNothing()
    {
        await HelpdeskApi.RefreshAsync(http);
        var requestsBefore = zoho.Requests.Count;

        var batch = await HelpdeskApi.WaitAsync(http, await HelpdeskApi.StartAsync(http, """{"count": 12, "delay": 0, "dry_run": true}"""));

        batch["summary"]!["by_action"]!["GO"]!.GetValue<int>().Should().Be(7, batch.ToJsonString());
        batch["summary"]!["drafts_created"]!.GetValue<int>().Should().Be(ZohoBacklog.Drafted, "the drafts it would have made");
        zoho.Requests.Skip(requestsBefore).Should().Contain(r => r.Method == "GET" && r.Path.StartsWith("/api/v1/tickets/", StringComparison.Ordinal), "the tickets are read from Zoho");
        zoho.Requests.Skip(requestsBefore).Should().NotContain(r => r.Method != "GET" && !r.Path.StartsWith("/oauth", StringComparison.Ordinal), "nothing is written");
        zoho.Drafts.Should().BeEmpty();
        zoho.Comments.Should().BeEmpty();
        zoho.Updates.Should().BeEmpty();
        zoho.Moves.Should().BeEmpty();
        (await HelpdeskApi.StatusAsync(http))["pending"]!.GetValue<int>().Should().Be(ZohoBacklog.Tickets);
    }

    [Fact]
    public async Task ReprocessingATicket_FindsItsDraftByTheMarker_AndWritesNoSecond()
    {
        await HelpdeskApi.RefreshAsync(http);
        await HelpdeskApi.WaitAsync(http, await HelpdeskApi.StartAsync(http, """{"ticket": "198709000449000001", "delay": 0}"""));
        zoho.Drafts.Should().ContainSingle();

        var again = await HelpdeskApi.WaitAsync(http, await HelpdeskApi.StartAsync(http, """{"ticket": "198709000449000001", "delay": 0}"""));

        again["summary"]!["succeeded"]!.GetValue<int>().Should().Be(1);
        zoho.Drafts.Should().ContainSingle("the second run found the first draft by its marker");
        zoho.ThreadsOf("198709000449000001").Count(t => t.IsDraft).Should().Be(1);
    }

    [Fact]
    public async Task ZohoAnswering429_IsWaitedOut_AndTheTicketStillSucceeds()
    {
        await HelpdeskApi.RefreshAsync(http);
        zoho.Fail(FakeZohoFault.TooManyRequests, times: 2, pathStartsWith: "/api/v1/tickets/198709000449000001", retryAfterSeconds: 1);

        var batch = await HelpdeskApi.WaitAsync(http, await HelpdeskApi.StartAsync(http, """{"ticket": "198709000449000001", "delay": 0}"""));

        batch["summary"]!["succeeded"]!.GetValue<int>().Should().Be(1);
        zoho.Drafts.Should().ContainSingle();
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await factory.DisposeAsync();
        await zoho.DisposeAsync();
    }

    public void Dispose() => factory?.Dispose();
}
