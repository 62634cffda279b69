using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Connectors.Zoho;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;
using Serverless.Testing.Fakes.Zoho;
using static Serverless.Connectors.Tests.Zoho.ZohoSamples;

namespace Serverless.Connectors.Tests.Zoho;

/// <summary>The sandbox twins read <see cref="ZohoSandboxData"/>, record every call as the real one would be sent,
/// and never change the data.</summary>
public sealed class SandboxZohoTests
{
    private const string Marker = "<!-- ref:sbx-1:draft -->";

    private static ZohoSandboxData Seed(ConnectorTestHost host)
    {
        var data = host.Services.GetRequiredService<ZohoSandboxData>();
        data.Add(Ticket("S1", 201, Monday), [DeskThread("E2", Monday.AddHours(2), "out"), DeskThread("E1", Monday)]);
        data.Add(Ticket("S2", 202, Monday.AddHours(1)), []);
        data.Add(Ticket("S3", 203, Monday.AddHours(2), status: "Closed"), []);
        data.Add(Ticket("S4", 204, Monday.AddHours(3), department: Billing), []);
        data.Add("Deals", new ZohoRecord("D1", new JsonObject { ["id"] = "D1", ["Stage"] = "Qualification", ["Amount"] = 2500, ["Account_Name"] = new JsonObject { ["name"] = "Acme", ["id"] = "A1" } }));
        data.Add("Deals", new ZohoRecord("D2", new JsonObject { ["id"] = "D2", ["Stage"] = "Qualification", ["Amount"] = 900 }));
        data.Add("Deals", new ZohoRecord("D3", new JsonObject { ["id"] = "D3", ["Stage"] = "Closed Won", ["Amount"] = 7000 }));
        return data;
    }

    [Fact]
    public async Task Desk_ReadsTheSandboxData_RecordsEveryCall_AndWritesChangeNothing()
    {
        using var host = ConnectorTestHost.Create();
        var data = Seed(host);
        var context = ConnectorTestHost.Context("sbx-1", idempotencyKey: "sbx-1:step:1");
        var desk = host.Connector<IZohoDeskClient>(context);

        var open = await desk.ListTicketsAsync(new ZohoTicketQuery(Support, "Open", 0, 10), default);
        var ticket = await desk.GetTicketAsync("S1", default);
        var threads = await desk.ListThreadsAsync("S1", default);
        var draft = await desk.CreateDraftReplyAsync("S1", new ZohoDraftReply("support@acme.zohodesk.com", "customer201@example.com", $"<p>Hi</p>{Marker}"), Marker, default);
        var note = await desk.AddPrivateCommentAsync("S1", "<p>note [ref:sbx-1:note]</p>", "[ref:sbx-1:note]", default);
        await desk.MoveTicketAsync("S1", Billing, default);

        open.Select(t => t.Id).Should().Equal("S2", "S1");
        open.Should().OnlyContain(t => t.Description == null, "as Zoho's list, the twin's has no description");
        ticket.Should().Be(data.Tickets["S1"]);
        threads.Select(t => t.Id).Should().Equal("E1", "E2");
        draft.IsDraft.Should().BeTrue();
        draft.Id.Should().MatchRegex("^[1-9][0-9]{10}$");
        draft.Content.Should().Contain(Marker);
        note.IsPublic.Should().BeFalse();
        data.Tickets["S1"].DepartmentId.Should().Be(Support, "the move is only recorded");
        data.Threads["S1"].Should().HaveCount(2, "the draft is only recorded");

        var calls = await host.CallLog.ListAsync("sbx-1", default);
        calls.Select(c => $"{c.Connector}.{c.Operation} {c.Request["method"]} {c.Request["path"]}").Should().Equal(
            $"Zoho.ListTicketsAsync GET /api/v1/tickets?departmentId={Support}&status=Open&from=0&limit=10&sortBy=-createdTime&include=contacts",
            "Zoho.GetTicketAsync GET /api/v1/tickets/S1?include=contacts",
            "Zoho.ListThreadsAsync GET /api/v1/tickets/S1/threads?from=0&limit=100",
            "Zoho.CreateDraftReplyAsync POST /api/v1/tickets/S1/draftReply",
            "Zoho.AddPrivateCommentAsync POST /api/v1/tickets/S1/comments",
            "Zoho.MoveTicketAsync POST /api/v1/tickets/S1/move");
        calls[0].Result!["ids"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("S2", "S1");
        calls[3].Request["body"]!["content"]!.GetValue<string>().Should().Be($"<p>Hi</p>{Marker}");
        calls[3].Request["body"]!["channel"]!.GetValue<string>().Should().Be("EMAIL");
        calls[3].Result!["id"]!.GetValue<string>().Should().Be(draft.Id);
        calls[4].Request["body"]!["isPublic"]!.GetValue<bool>().Should().BeFalse();
        calls[5].Request["body"]!["departmentId"]!.GetValue<string>().Should().Be(Billing);
        calls.Select(c => c.Request.ToJsonString()).Should().NotContain(json => json.Contains("oauthtoken", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Desk_UnknownTicket_FailsNotFound_AsTheRealClientDoes()
    {
        using var sandbox = ConnectorTestHost.Create();
        await using var server = await FakeZohoServer.StartAsync();
        using var real = Host(server);

        var twin = (await FluentActions.Awaiting(() => sandbox.Connector<IZohoDeskClient>().GetTicketAsync("X404", default))
            .Should().ThrowAsync<ActivityException>()).Which;
        var threads = (await FluentActions.Awaiting(() => sandbox.Connector<IZohoDeskClient>().ListThreadsAsync("X404", default))
            .Should().ThrowAsync<ActivityException>()).Which;
        var zoho = (await FluentActions.Awaiting(() => real.Connector<IZohoDeskClient>().GetTicketAsync("X404", default))
            .Should().ThrowAsync<ActivityException>()).Which;

        twin.Kind.Should().Be(ErrorKinds.NotFound).And.Be(zoho.Kind);
        threads.Kind.Should().Be(ErrorKinds.NotFound);
        twin.Message.Should().Be("Zoho Desk has no ticket X404 (HTTP 404).");
        zoho.Message.Should().StartWith("Zoho Desk has no ticket X404 (HTTP 404)");
        (await sandbox.CallLog.ListAsync("instance-1", default)).Should().HaveCount(2, "failed reads are recorded too");
    }

    [Fact]
    public async Task Desk_DraftAndCommentIds_FollowTheIdempotencyKeyAndMarker()
    {
        using var host = ConnectorTestHost.Create();
        Seed(host);
        var reply = new ZohoDraftReply("support@acme.zohodesk.com", "c@example.com", $"<p>Hi</p>{Marker}");

        var first = await host.Connector<IZohoDeskClient>(ConnectorTestHost.Context(idempotencyKey: "k1")).CreateDraftReplyAsync("S1", reply, Marker, default);
        var retried = await host.Connector<IZohoDeskClient>(ConnectorTestHost.Context(idempotencyKey: "k1")).CreateDraftReplyAsync("S1", reply, Marker, default);
        var other = await host.Connector<IZohoDeskClient>(ConnectorTestHost.Context(idempotencyKey: "k2")).CreateDraftReplyAsync("S1", reply, Marker, default);
        var commentA = await host.Connector<IZohoDeskClient>(ConnectorTestHost.Context(idempotencyKey: "k1")).AddPrivateCommentAsync("S1", "<p>x [m]</p>", "[m]", default);
        var commentB = await host.Connector<IZohoDeskClient>(ConnectorTestHost.Context(idempotencyKey: "k1")).AddPrivateCommentAsync("S1", "<p>x [m]</p>", "[m]", default);

        retried.Id.Should().Be(first.Id);
        other.Id.Should().NotBe(first.Id);
        commentB.Id.Should().Be(commentA.Id);
        commentA.Id.Should().NotBe(first.Id);
    }

    [Fact]
    public async Task Desk_DraftAlreadyInTheData_IsReturnedInsteadOfANewOne()
    {
        using var host = ConnectorTestHost.Create();
        var data = Seed(host);
        var existing = DeskThread("DR1", Monday.AddHours(3), "out", "DRAFT", $"<p>Earlier draft</p>{Marker}");
        data.Add(data.Tickets["S2"], [existing]);

        var draft = await host.Connector<IZohoDeskClient>().CreateDraftReplyAsync("S2",
            new ZohoDraftReply("support@acme.zohodesk.com", "c@example.com", $"<p>New</p>{Marker}"), Marker, default);

        draft.Should().Be(existing);
    }

    [Fact]
    public async Task Crm_SearchesWithZohoCriteria_Gets_AndRecordsUpdatesWithoutApplyingThem()
    {
        using var host = ConnectorTestHost.Create();
        var data = Seed(host);
        var context = ConnectorTestHost.Context("sbx-crm", idempotencyKey: "sbx-crm:1");
        var crm = host.Connector<IZohoCrmClient>(context);

        var qualified = await crm.SearchAsync("Deals", "(Stage:equals:Qualification)and(Amount:greater_than:1000)", 10, default);
        var either = await crm.SearchAsync("deals", "(Stage:equals:Closed Won)or(Account_Name:equals:acme)", 10, default);
        var one = await crm.GetAsync("Deals", "D1", default);
        var none = await crm.GetAsync("Deals", "D404", default);
        await crm.UpdateAsync("Deals", "D1", new JsonObject { ["Stage"] = "Closed Won" }, default);
        one!.Fields["Stage"] = "changed by the caller";

        qualified.Select(r => r.Id).Should().Equal("D1");
        either.Select(r => r.Id).Should().Equal("D1", "D3");
        one.LookupId("Account_Name").Should().Be("A1");
        none.Should().BeNull();
        data.Records["Deals"]["D1"].Text("Stage").Should().Be("Qualification", "updates are recorded, and records handed out are copies");

        var calls = await host.CallLog.ListAsync("sbx-crm", default);
        calls.Select(c => $"{c.Operation} {c.Request["method"]}").Should().Equal("SearchAsync GET", "SearchAsync GET", "GetAsync GET", "GetAsync GET", "UpdateAsync PUT");
        calls[0].Request["path"]!.GetValue<string>().Should().Be(
            "/crm/v7/Deals/search?criteria=" + Uri.EscapeDataString("(Stage:equals:Qualification)and(Amount:greater_than:1000)") + "&page=1&per_page=10");
        calls[4].Request["path"]!.GetValue<string>().Should().Be("/crm/v7/Deals/D1");
        calls[4].Request["body"]!["data"]![0]!["Stage"]!.GetValue<string>().Should().Be("Closed Won");
    }

    [Fact]
    public async Task Crm_CriteriaZohoWouldRefuse_FailsValidation()
    {
        using var host = ConnectorTestHost.Create();
        Seed(host);

        var failure = (await FluentActions.Awaiting(() => host.Connector<IZohoCrmClient>().SearchAsync("Deals", "Stage:equals:Won", 10, default))
            .Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.Validation);
        failure.Message.Should().Contain("INVALID_QUERY").And.Contain("position 1");
    }

    [Fact]
    public async Task DryRun_WithCredentials_ReadsFromZoho_AndSendsNoWrite()
    {
        await using var server = await FakeZohoServer.StartAsync();
        server.AddTicket(Ticket("T1", 1, Monday));
        using var host = Host(server);
        Seed(host);
        var context = ConnectorTestHost.Context("dry-zoho", dryRun: true);

        (await host.Connector<IZohoDeskClient>(context).GetTicketAsync("T1", default)).Id.Should().Be("T1", "a dry run decides on the real tickets");
        await host.Connector<IZohoDeskClient>(context).MoveTicketAsync("T1", Billing, default);
        await host.Connector<IZohoCrmClient>(context).UpdateAsync("Deals", "D1", new JsonObject { ["Stage"] = "Lost" }, default);

        server.Requests.Where(r => !r.Path.StartsWith("/oauth", StringComparison.Ordinal)).Should().OnlyContain(r => r.Method == "GET");
        server.Moves.Should().BeEmpty();
        server.Updates.Should().BeEmpty();
        var calls = await host.CallLog.ListAsync("dry-zoho", default);
        calls.Should().HaveCount(2, "the writes are recorded by the sandbox");
        calls.Select(c => c.Request.ToJsonString()).Should().NotContain(json =>
            json.Contains(FakeZohoServer.ClientSecret, StringComparison.Ordinal) || json.Contains(FakeZohoServer.RefreshToken, StringComparison.Ordinal));
    }
}
