using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Crm.Data;
using Serverless.Crm.Notifications;
using Serverless.Host.Tests.Support;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;

namespace Serverless.Host.Tests.Crm;

/// <summary>The notification stream of the embedded host as it ships, on Kestrel over a real loopback socket: a
/// user who was offline first gets what was kept, then what crm.send_notification sends while connected.</summary>
public sealed class NotificationStreamEndToEndTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly EmbeddedHostFactory host = new();
    private HttpClient http = null!;

    public Task InitializeAsync()
    {
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        http = new HttpClient { BaseAddress = new Uri(address), Timeout = Timeout.InfiniteTimeSpan };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose()
    {
        http.Dispose();
        host.Dispose();
    }

    [Fact]
    public async Task Stream_SendsTheKeptUnreadNotification_ThenTheOneSentWhileConnected()
    {
        using var patience = new CancellationTokenSource(Patience);
        var store = host.Services.GetRequiredService<ICrmStore>();
        await store.CreateAsync(new Notification { Id = "kept-1", UserId = "u-42", Title = "Relance", Body = "Sent while you were away" }, patience.Token);
        await store.CreateAsync(new Notification { Id = "seen-1", UserId = "u-42", Body = "Already read", Read = true }, patience.Token);

        using var response = await http.GetAsync(
            $"/api/{CrmNotificationRoutes.Stream}?user_id=u-42", HttpCompletionOption.ResponseHeadersRead, patience.Token);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        response.Headers.GetValues("X-Accel-Buffering").Should().Equal("no");
        using var frames = new SseReader(await response.Content.ReadAsStreamAsync(patience.Token));

        var kept = await frames.NextAsync(patience.Token);
        kept!.Id.Should().Be("kept-1");
        kept.Event.Should().Be("notification");
        JsonNode.Parse(kept.Data)!["body"]!.ToString().Should().Be("Sent while you were away");

        var sent = await SendAsync(new JsonObject { ["user_id"] = "u-42", ["message"] = "Deal signé: Acme", ["type"] = "success" }, patience.Token);
        var live = await frames.NextAsync(patience.Token);

        live!.Id.Should().Be(sent["id"]!.ToString());
        live.Event.Should().Be("notification");
        var data = JsonNode.Parse(live.Data)!;
        data["user_id"]!.ToString().Should().Be("u-42");
        data["body"]!.ToString().Should().Be("Deal signé: Acme");
        data["type"]!.ToString().Should().Be("success");
        data["read"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Stream_ClientLeaves_TheHostLetsGoOfItsSubscription()
    {
        using var patience = new CancellationTokenSource(Patience);
        var hub = host.Services.GetRequiredService<INotificationHub>();
        var probe = new Notification { Id = "probe", UserId = "u-leaving", Body = "not stored" };
        using (var response = await http.GetAsync(
            $"/api/{CrmNotificationRoutes.Stream}?user_id=u-leaving", HttpCompletionOption.ResponseHeadersRead, patience.Token))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            hub.Publish(probe).Should().Be(1, "the stream subscribed before it answered");
        }

        while (hub.Publish(probe) > 0)
        {
            await Task.Delay(50, patience.Token);
        }
    }

    [Fact]
    public async Task Stream_WithoutUserId_Is400ProblemJson()
    {
        using var response = await http.GetAsync($"/api/{CrmNotificationRoutes.Stream}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["user_id"].Should().NotBeNull();
    }

    /// <summary>crm.send_notification as a workflow step runs it: through the host's activity registry.</summary>
    private async Task<JsonNode> SendAsync(JsonObject input, CancellationToken cancellationToken)
    {
        var registry = host.Services.GetRequiredService<ActivityRegistry>();
        var context = new ActivityContext("inst-e2e", "crm.workflow.e2e", "action_0", "inst-e2e/action_0", 1, input, DryRun: false);
        var (found, output) = await registry.RunAsync("crm.send_notification", context, cancellationToken);
        found.Should().BeTrue();
        return output!;
    }
}
