using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.Intake.Tests.Support;

/// <summary>A local server speaking the chat completions contract (POST {base}/chat/completions): it records the
/// request and answers a "chat.completion" object whose message content is <see cref="Content"/>.</summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeOpenAIServer(WebApplication app) => this.app = app;

    public string Endpoint { get; private set; } = "";

    public string Content { get; set; } = """{"label":"SUPPORT","confidence":0.93}""";

    public int Status { get; set; } = 200;

    public ConcurrentQueue<(JsonNode Body, string? Authorization)> Requests { get; } = new();

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            server.Requests.Enqueue((body!, request.Headers.Authorization.ToString()));
            if (server.Status != 200)
            {
                return Results.Json(new { error = new { message = "The server had an error", type = "server_error", code = (string?)null } }, statusCode: server.Status);
            }

            return Results.Json(new
            {
                id = "chatcmpl-123",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = body!["model"]!.ToString(),
                choices = new[]
                {
                    new { index = 0, message = new { role = "assistant", content = server.Content, refusal = (string?)null }, logprobs = (object?)null, finish_reason = "stop" },
                },
                usage = new { prompt_tokens = 120, completion_tokens = 12, total_tokens = 132 },
            });
        });
        await app.StartAsync();
        server.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
