using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serverless.Crm.Data;
using Serverless.Crm.Notifications;
using Serverless.Crm.Tests.Data;

namespace Serverless.Crm.Tests.Notifications;

public sealed class CrmNotificationHandlersTests : IDisposable
{
    private readonly CrmFixture crm = new();
    private readonly NotificationHub hub = NotificationHubTests.Hub();
    private readonly CrmNotificationHandlers handlers;

    public CrmNotificationHandlersTests() =>
        handlers = new CrmNotificationHandlers(crm.Store, hub, Options.Create(new CrmNotificationOptions { HeartbeatSeconds = 15 }), crm.Clock,
            NullLogger<CrmNotificationHandlers>.Instance);

    [Theory]
    [InlineData("")]
    [InlineData("?user_id=")]
    [InlineData("?user_id=a&user_id=b")]
    public async Task List_WithoutOneUserId_Is400NamingIt(string query)
    {
        var (status, type, body) = await HttpHarness.ExecuteAsync(await handlers.ListAsync(HttpHarness.Get("/api/v1/notifications", query), default));

        status.Should().Be(400);
        type.Should().Be("application/problem+json");
        JsonNode.Parse(body)!["errors"]!.AsObject().Select(e => e.Key).Should().Equal("user_id");
    }

    [Fact]
    public async Task List_IsTheUsersNotifications_NewestFirst_UnreadAndLimitApplied()
    {
        await KeepAsync("n1", "u1");
        await KeepAsync("n2", "u1", read: true);
        await KeepAsync("n3", "u1");
        await KeepAsync("x1", "u2");

        var all = await ListAsync("?user_id=u1");
        var unread = await ListAsync("?user_id=u1&unread=true&limit=1");

        all["items"]!.AsArray().Select(n => n!["id"]!.ToString()).Should().Equal("n3", "n2", "n1");
        all["items"]![0]!["user_id"]!.ToString().Should().Be("u1");
        all["unread_count"]!.GetValue<int>().Should().Be(2);
        unread["items"]!.AsArray().Select(n => n!["id"]!.ToString()).Should().Equal("n3");
    }

    [Fact]
    public async Task List_BadUnreadOrLimit_Is400NamingEach()
    {
        var (status, _, body) = await HttpHarness.ExecuteAsync(await handlers.ListAsync(
            HttpHarness.Get("/api/v1/notifications", "?user_id=u1&unread=maybe&limit=0"), default));

        status.Should().Be(400);
        JsonNode.Parse(body)!["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["unread", "limit"]);
    }

    [Fact]
    public async Task MarkRead_MarksIt_AndUnknownIs404()
    {
        await KeepAsync("n1", "u1");

        var (status, _, body) = await HttpHarness.ExecuteAsync(await handlers.MarkReadAsync("n1", default));
        var (missing, type, problem) = await HttpHarness.ExecuteAsync(await handlers.MarkReadAsync("nope", default));

        status.Should().Be(200);
        JsonNode.Parse(body)!["read"]!.GetValue<bool>().Should().BeTrue();
        (await crm.Store.GetAsync<Notification>("n1"))!.Read.Should().BeTrue();
        missing.Should().Be(404);
        type.Should().Be("application/problem+json");
        JsonNode.Parse(problem)!["notificationId"]!.ToString().Should().Be("nope");
    }

    [Fact]
    public async Task Stream_WithoutUserId_Is400()
    {
        var (status, _, body) = await HttpHarness.ExecuteAsync(handlers.Stream(HttpHarness.Get("/api/v1/notifications/stream")));

        status.Should().Be(400);
        JsonNode.Parse(body)!["errors"]!["user_id"].Should().NotBeNull();
    }

    [Fact]
    public async Task Stream_SendsUnreadKeptOnes_ThenLiveOnes_ThenHeartbeats_AndEndsWhenTheClientLeaves()
    {
        await KeepAsync("old-read", "u1", read: true);
        await KeepAsync("kept", "u1");
        var (run, body, leave) = Open("?user_id=u1");

        await body.WaitForAsync("id: kept\n");
        hub.Publish(NotificationHubTests.Note("kept", "u1"));
        hub.Publish(NotificationHubTests.Note("live", "u1"));
        await body.WaitForAsync("id: live\n");
        var text = await body.WaitForAsync(": heartbeat", between: () => crm.Clock.Advance(TimeSpan.FromSeconds(15)));
        await leave.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        text.Should().NotContain("old-read");
        text.Split("id: kept\n").Should().HaveCount(2, "a live copy of a notification already replayed is not sent again");
        var live = text.Split("\n\n").Single(f => f.StartsWith("id: live\n", StringComparison.Ordinal)).Split('\n');
        live[1].Should().Be("event: notification");
        var data = JsonNode.Parse(live[2]["data: ".Length..])!;
        data["id"]!.ToString().Should().Be("live");
        data["body"]!.ToString().Should().Be("body of live");
        hub.Publish(NotificationHubTests.Note("after", "u1")).Should().Be(0, "the stream unsubscribed when the client left");
    }

    [Fact]
    public async Task Stream_WithLastEventId_ResumesAfterIt_ReadOrNot()
    {
        await KeepAsync("n1", "u1");
        await KeepAsync("n2", "u1", read: true);
        await KeepAsync("n3", "u1");
        await KeepAsync("n4", "u1");
        var (run, body, leave) = Open("?user_id=u1&last_event_id=n1", new Dictionary<string, string> { [CrmNotificationHandlers.LastEventIdHeader] = "n2" });

        var text = await body.WaitForAsync("id: n4\n");
        await leave.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        text.Should().NotContain("id: n1").And.NotContain("id: n2");
        text.IndexOf("id: n3", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("id: n4", StringComparison.Ordinal));
    }

    public void Dispose() => crm.Dispose();

    private (Task Run, SharedTextStream Body, CancellationTokenSource Leave) Open(string query, IDictionary<string, string>? headers = null)
    {
        var request = HttpHarness.Get("/api/v1/notifications/stream", query, headers);
        var body = new SharedTextStream();
        var leave = new CancellationTokenSource();
        request.HttpContext.Response.Body = body;
        request.HttpContext.RequestAborted = leave.Token;
        var result = handlers.Stream(request);
        return (Task.Run(() => result.ExecuteAsync(request.HttpContext)), body, leave);
    }

    private async Task KeepAsync(string id, string userId, bool read = false)
    {
        await crm.Store.CreateAsync(NotificationHubTests.Note(id, userId, read));
        crm.Clock.Advance(TimeSpan.FromSeconds(1));
    }

    private async Task<JsonNode> ListAsync(string query)
    {
        var (status, _, body) = await HttpHarness.ExecuteAsync(await handlers.ListAsync(HttpHarness.Get("/api/v1/notifications", query), default));
        status.Should().Be(200);
        return JsonNode.Parse(body)!;
    }
}
