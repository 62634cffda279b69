using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Approvals.Slack;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Approvals.Tests.Slack;

/// <summary>The real client against a local server that speaks chat.postMessage / chat.update as Slack documents
/// them: HTTP 200 with ok true/false, and 429 with Retry-After.</summary>
public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private readonly Queue<Func<HttpContext, Task>> answers = new();
    private readonly List<(string Path, string? Authorization, JsonNode? Body)> received = [];
    private WebApplication server = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server = builder.Build();
        server.MapPost("/api/{method}", async (HttpContext http, string method) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            Func<HttpContext, Task> answer;
            lock (received)
            {
                received.Add((method, http.Request.Headers.Authorization.ToString(), body));
                answer = answers.Count > 0 ? answers.Dequeue() : Ok(method, body);
            }

            await answer(http);
        });
        await server.StartAsync();
        var address = server.Urls.First();

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Approvals:SigningKey"] = "test-signing-key-0123456789abcdef-0123456789",
            ["Approvals:Slack:BotToken"] = "xoxb-test-token",
            ["Approvals:Slack:ApiBaseUrl"] = $"{address}/api/",
            ["Approvals:Slack:RateLimit:PermitLimit"] = "100",
            ["Approvals:Slack:RateLimit:TokensPerPeriod"] = "100",
            ["Connectors:Resilience:BaseDelay"] = "00:00:00.010",
            ["Storage:Documents:Provider"] = "sqlite",
        }).Build();
        services = new ServiceCollection().AddLogging().AddApprovals(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await server.StopAsync();
        await server.DisposeAsync();
    }

    private SlackWebApiClient Client => services.GetRequiredService<SlackWebApiClient>();

    [Fact]
    public async Task PostMessage_Ok_SendsBearerTokenAndBlocksAndReturnsChannelAndTs()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "hi" } });

        var posted = await Client.PostMessageAsync("content-approvals", "Publier ?", blocks, default);

        posted.Should().Be(new SlackMessageRef("C0123456789", "1503435956.000247"));
        var (path, authorization, body) = received.Single();
        path.Should().Be("chat.postMessage");
        authorization.Should().Be("Bearer xoxb-test-token");
        body!["channel"]!.GetValue<string>().Should().Be("content-approvals");
        body["blocks"]![0]!["text"]!["text"]!.GetValue<string>().Should().Be("hi");
    }

    [Fact]
    public async Task Update_Ok_SendsChannelTsAndNewBlocks()
    {
        await Client.UpdateMessageAsync(new SlackMessageRef("C0123456789", "1503435956.000247"), "Approuvé", [], default);

        var (path, _, body) = received.Single();
        path.Should().Be("chat.update");
        body!["ts"]!.GetValue<string>().Should().Be("1503435956.000247");
        body["text"]!.GetValue<string>().Should().Be("Approuvé");
    }

    [Theory]
    [InlineData("channel_not_found", ErrorKinds.NotFound)]
    [InlineData("invalid_auth", ErrorKinds.Unauthorized)]
    [InlineData("msg_too_long", ErrorKinds.Validation)]
    public async Task PostMessage_OkFalse_FailsWithSlacksErrorCodeAndKind(string error, string kind)
    {
        answers.Enqueue(http => http.Response.WriteAsJsonAsync(new { ok = false, error }));

        var act = () => Client.PostMessageAsync("nowhere", "x", [], default);

        var thrown = await act.Should().ThrowAsync<ActivityException>();
        thrown.Which.Kind.Should().Be(kind);
        thrown.Which.Message.Should().Contain(error);
    }

    [Fact]
    public async Task PostMessage_429WithRetryAfter_WaitsAndRetries()
    {
        answers.Enqueue(http =>
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "1";
            return http.Response.WriteAsJsonAsync(new { ok = false, error = "ratelimited" });
        });
        var started = DateTime.UtcNow;

        var posted = await Client.PostMessageAsync("content-approvals", "x", [], default);

        posted.Ts.Should().Be("1503435956.000247");
        received.Should().HaveCount(2);
        (DateTime.UtcNow - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900), "Retry-After: 1 is honoured");
    }

    [Fact]
    public async Task PostMessage_429AskingForLongerThanAllowed_FailsAsRateLimitedWithTheWait()
    {
        answers.Enqueue(http =>
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });

        var act = () => Client.PostMessageAsync("content-approvals", "x", [], default);

        var thrown = await act.Should().ThrowAsync<ActivityException>();
        thrown.Which.Kind.Should().Be(ErrorKinds.RateLimited);
        thrown.Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(120));
        received.Should().HaveCount(1, "a long wait is left to the workflow's durable retry");
    }

    private static Func<HttpContext, Task> Ok(string method, JsonNode? body) => http => http.Response.WriteAsJsonAsync(new JsonObject
    {
        ["ok"] = true,
        ["channel"] = method == "chat.postMessage" ? "C0123456789" : body?["channel"]?.DeepClone(),
        ["ts"] = method == "chat.postMessage" ? "1503435956.000247" : body?["ts"]?.DeepClone(),
    });
}
