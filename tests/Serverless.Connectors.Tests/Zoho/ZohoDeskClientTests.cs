using Serverless.Connectors.Zoho;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;
using Serverless.Testing.Fakes.Zoho;
using static Serverless.Connectors.Tests.Zoho.ZohoSamples;

namespace Serverless.Connectors.Tests.Zoho;

public sealed class ZohoDeskClientTests : IAsyncLifetime
{
    private const string Marker = "<!-- zoho-step:inst-7:draft -->";

    private FakeZohoServer _server = null!;
    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeZohoServer.StartAsync();
        _server.AddTicket(Ticket("T1", 101, Monday), [DeskThread("H1", Monday), DeskThread("H2", Monday.AddDays(2), "out"), DeskThread("H3", Monday.AddDays(1))]);
        _server.AddTicket(Ticket("T2", 102, Monday.AddHours(1)));
        _server.AddTicket(Ticket("T3", 103, Monday.AddHours(2)));
        _server.AddTicket(Ticket("T4", 104, Monday.AddHours(3), status: "Closed"));
        _server.AddTicket(Ticket("T5", 105, Monday.AddHours(4), department: Billing));
        _host = Host(_server);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    private IZohoDeskClient Client => _host.Connector<IZohoDeskClient>();

    private static ZohoDraftReply Draft(string marker = Marker) =>
        new("support@acme.zohodesk.com", "customer101@example.com", $"<div>Hello Anna, please try again now.</div>{marker}");

    [Fact]
    public async Task ListTickets_OnePage_SendsTheQueryAndHeaders_AndReadsTheTickets()
    {
        var page = await Client.ListTicketsAsync(new ZohoTicketQuery(Support, "Open", 0, 2), default);

        page.Select(t => t.Id).Should().Equal("T3", "T2");
        page[0].Should().Be(new ZohoDeskTicket("T3", "103", "Cannot log in (103)", "Open", Support, "customer103@example.com", "Anna Maria Schmidt",
            Monday.AddHours(2), null), "the list has no description, as Zoho's");
        var request = _server.Api().Single();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/api/v1/tickets");
        request.Query.Should().Be($"?departmentId={Support}&status=Open&from=0&limit=2&sortBy=-createdTime&include=contacts");
        request.OrgId.Should().Be(FakeZohoServer.OrgId);
        request.Authorization.Should().StartWith("Zoho-oauthtoken 1000.");
    }

    [Fact]
    public async Task ListTickets_NextPages_ThenPastTheEnd204_IsEmpty()
    {
        var second = await Client.ListTicketsAsync(new ZohoTicketQuery(Support, "Open", 2, 2), default);
        var past = await Client.ListTicketsAsync(new ZohoTicketQuery(Support, "Open", 4, 2), default);
        var closedBilling = await Client.ListTicketsAsync(new ZohoTicketQuery(Billing, "Closed", 0, 100), default);

        second.Select(t => t.Id).Should().Equal("T1");
        past.Should().BeEmpty();
        closedBilling.Should().BeEmpty();
    }

    [Fact]
    public async Task ListTickets_OldestFirst_AndNoFilters()
    {
        var all = await Client.ListTicketsAsync(new ZohoTicketQuery("", "", 0, 100, "createdTime"), default);

        all.Select(t => t.Id).Should().Equal("T1", "T2", "T3", "T4", "T5");
        _server.Api().Single().Query.Should().Be("?from=0&limit=100&sortBy=createdTime&include=contacts");
    }

    [Fact]
    public async Task ListTickets_LimitAboveZohosMaximum_FailsBeforeAnyCall()
    {
        await FluentActions.Awaiting(() => Client.ListTicketsAsync(new ZohoTicketQuery(Support, "Open", 0, 101), default))
            .Should().ThrowAsync<ArgumentOutOfRangeException>();

        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task GetTicket_ReadsEveryField()
    {
        var ticket = await Client.GetTicketAsync("T1", default);

        ticket.Should().Be(Ticket("T1", 101, Monday));
        ticket.CreatedTime.Should().Be(new DateTimeOffset(2026, 2, 2, 10, 15, 30, TimeSpan.Zero));
        _server.Api().Single().Path.Should().Be("/api/v1/tickets/T1");
    }

    [Fact]
    public async Task GetTicket_Unknown_FailsNotFoundNamingIt()
    {
        var failure = (await FluentActions.Awaiting(() => Client.GetTicketAsync("T404", default)).Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.NotFound);
        failure.Message.Should().StartWith("Zoho Desk has no ticket T404 (HTTP 404)").And.Contain("URL_NOT_FOUND");
    }

    [Fact]
    public async Task ListThreads_ReadsEachThreadsContent_OldestFirst()
    {
        var threads = await Client.ListThreadsAsync("T1", default);

        threads.Select(t => t.Id).Should().Equal("H1", "H3", "H2");
        threads.Select(t => t.Content).Should().Equal("<div>Message H1</div>", "<div>Message H3</div>", "<div>Message H2</div>");
        threads[2].Direction.Should().Be("out");
        threads[2].FromEmailAddress.Should().Be("support@acme.zohodesk.com");
        threads[0].Summary.Should().Be("Message H1");
        var paths = _server.Api().Select(r => r.Path + r.Query).ToList();
        paths.Should().HaveCount(4);
        paths[0].Should().Be("/api/v1/tickets/T1/threads?from=0&limit=100");
        paths.Skip(1).Should().BeEquivalentTo("/api/v1/tickets/T1/threads/H1", "/api/v1/tickets/T1/threads/H2", "/api/v1/tickets/T1/threads/H3");
    }

    [Fact]
    public async Task ListThreads_MoreThanOnePage_ReadsThemAll()
    {
        _server.AddTicket(Ticket("T9", 109, Monday), Enumerable.Range(0, 130).Select(i => DeskThread($"M{i:000}", Monday.AddMinutes(i))));

        var threads = await Client.ListThreadsAsync("T9", default);

        threads.Should().HaveCount(130);
        threads[0].Id.Should().Be("M000");
        threads[^1].Id.Should().Be("M129");
        threads.Should().OnlyContain(t => t.Content == $"<div>Message {t.Id}</div>");
        _server.Api().Count(r => r.Path == "/api/v1/tickets/T9/threads").Should().Be(2);
    }

    [Fact]
    public async Task ListThreads_TicketWithoutThreads_204_IsEmpty()
    {
        (await Client.ListThreadsAsync("T2", default)).Should().BeEmpty();
    }

    [Fact]
    public async Task CreateDraftReply_PostsTheDraft_AndItIsADraftThreadOfTheTicket()
    {
        var draft = await Client.CreateDraftReplyAsync("T1", Draft(), Marker, default);

        draft.IsDraft.Should().BeTrue();
        draft.Content.Should().Contain(Marker);
        var created = _server.Drafts.Single();
        created.TicketId.Should().Be("T1");
        created.Thread.Id.Should().Be(draft.Id);
        created.Body["channel"]!.GetValue<string>().Should().Be("EMAIL");
        created.Body["fromEmailAddress"]!.GetValue<string>().Should().Be("support@acme.zohodesk.com");
        created.Body["to"]!.GetValue<string>().Should().Be("customer101@example.com");
        created.Body["contentType"]!.GetValue<string>().Should().Be("html");
        _server.ThreadsOf("T1").Should().Contain(t => t.Id == draft.Id && t.Status == "DRAFT");
        (await Client.ListThreadsAsync("T1", default)).Should().Contain(t => t.Id == draft.Id && t.IsDraft);
    }

    [Fact]
    public async Task CreateDraftReply_SameMarkerAgain_ReturnsTheFirstDraftWithoutASecond()
    {
        var first = await Client.CreateDraftReplyAsync("T1", Draft(), Marker, default);
        var second = await _host.Connector<IZohoDeskClient>(ConnectorTestHost.Context(idempotencyKey: "instance-1:step:2"))
            .CreateDraftReplyAsync("T1", Draft(), Marker, default);

        second.Id.Should().Be(first.Id);
        second.Content.Should().Be(first.Content);
        _server.Drafts.Should().ContainSingle();
        _server.Api().Count(r => r.Method == "POST").Should().Be(1);
    }

    [Fact]
    public async Task CreateDraftReply_OtherMarker_MakesASecondDraft()
    {
        await Client.CreateDraftReplyAsync("T1", Draft(), Marker, default);
        await Client.CreateDraftReplyAsync("T1", Draft("<!-- zoho-step:inst-8:draft -->"), "<!-- zoho-step:inst-8:draft -->", default);

        _server.Drafts.Should().HaveCount(2);
    }

    [Fact]
    public async Task CreateDraftReply_ContentWithoutTheMarker_FailsBeforeAnyCall()
    {
        await FluentActions.Awaiting(() => Client.CreateDraftReplyAsync("T1", Draft(""), Marker, default)).Should().ThrowAsync<ArgumentException>();

        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task AddPrivateComment_PostsAPrivateHtmlNote_AndTheSameMarkerAgainAddsNone()
    {
        const string marker = "[ref:inst-7:note]";
        var first = await Client.AddPrivateCommentAsync("T1", $"<p>Classified as <b>login</b>.</p><p>{marker}</p>", marker, default);
        var again = await Client.AddPrivateCommentAsync("T1", $"<p>Classified as <b>login</b>.</p><p>{marker}</p>", marker, default);
        await Client.AddPrivateCommentAsync("T1", "<p>Other note [ref:inst-9:note]</p>", "[ref:inst-9:note]", default);

        again.Should().Be(first);
        first.IsPublic.Should().BeFalse();
        first.Content.Should().Contain(marker);
        _server.Comments.Should().HaveCount(2);
        var body = _server.Comments.First().Body;
        body["isPublic"]!.GetValue<bool>().Should().BeFalse();
        body["contentType"]!.GetValue<string>().Should().Be("html");
        _server.CommentsOf("T1").Should().HaveCount(2);
    }

    [Fact]
    public async Task MoveTicket_ChangesItsDepartment()
    {
        await Client.MoveTicketAsync("T1", Billing, default);

        _server.Ticket("T1").DepartmentId.Should().Be(Billing);
        _server.Moves.Should().ContainSingle().Which.Should().Be(new FakeZohoMove("T1", Support, Billing));
        (await Client.GetTicketAsync("T1", default)).DepartmentId.Should().Be(Billing);
    }

    [Fact]
    public async Task MoveTicket_UnknownTicket_FailsNotFound()
    {
        var failure = (await FluentActions.Awaiting(() => Client.MoveTicketAsync("T404", Billing, default)).Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.NotFound);
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_WaitsThenSucceeds()
    {
        await Client.GetTicketAsync("T2", default);
        _server.Fail(FakeZohoFault.TooManyRequests, pathStartsWith: "/api/v1/tickets/T1", retryAfterSeconds: 1);

        var ticket = await Client.GetTicketAsync("T1", default);

        ticket.Id.Should().Be("T1");
        var attempts = _server.Api().Where(r => r.Path == "/api/v1/tickets/T1").ToList();
        attempts.Should().HaveCount(2);
        (attempts[1].At - attempts[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task ServerError_OnARead_IsRetried_ThenSucceeds()
    {
        _server.Fail(FakeZohoFault.ServerError, pathStartsWith: "/api/v1/tickets/T1");

        (await Client.GetTicketAsync("T1", default)).Id.Should().Be("T1");

        _server.Api().Count(r => r.Path == "/api/v1/tickets/T1").Should().Be(2);
    }

    [Fact]
    public async Task ServerError_OnAPost_IsNotRepeatedInThePipeline_TheStepsRetryLooksForItsMarkerFirst()
    {
        _server.Fail(FakeZohoFault.ServerError, pathStartsWith: "/api/v1/tickets/T1/move");

        var act = () => Client.MoveTicketAsync("T1", Billing, default);

        await act.Should().ThrowAsync<Serverless.Runtime.Abstractions.ActivityException>();
        _server.Api().Count(r => r.Path == "/api/v1/tickets/T1/move").Should().Be(1, "a POST that may have been applied is not sent blind again");
        await Client.MoveTicketAsync("T1", Billing, default);
        _server.Moves.Should().ContainSingle();
    }
}
