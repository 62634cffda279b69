using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.Testing.Llm;

/// <summary>A local server speaking the chat completions contract, as OpenAI (POST {base}/chat/completions) and as
/// Azure OpenAI (POST /openai/deployments/{deployment}/chat/completions?api-version=..., api-key header or Entra ID
/// bearer token, 401 without either): it records the request and answers a "chat.completion" object whose message
/// content is <see cref="Content"/>.</summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeOpenAIServer(WebApplication app) => this.app = app;

    public string Endpoint { get; private set; } = "";

    public string Content { get; set; } = """{"label":"SUPPORT","confidence":0.93}""";

    public int Status { get; set; } = 200;

    /// <summary>The server's root, where an Azure OpenAI resource endpoint points.</summary>
    public string Root { get; private set; } = "";

    public ConcurrentQueue<(JsonNode Body, string? Authorization)> Requests { get; } = new();

    public ConcurrentQueue<FakeAzureChatRequest> AzureRequests { get; } = new();

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
            return server.Answer(body!);
        });
        app.MapPost("/openai/deployments/{deployment}/chat/completions", async (HttpRequest request, string deployment) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            string? apiKey = request.Headers["api-key"].FirstOrDefault(), authorization = request.Headers.Authorization.FirstOrDefault();
            server.AzureRequests.Enqueue(new FakeAzureChatRequest(deployment, request.Query["api-version"].FirstOrDefault(), apiKey, authorization, body!));
            return apiKey is null && authorization is null
                ? Results.Json(new { error = new { code = "401", message = "Access denied due to missing subscription key or bearer token." } }, statusCode: 401)
                : server.Answer(body!);
        });
        await app.StartAsync();
        server.Root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        server.Endpoint = server.Root + "v1";
        return server;
    }

    private IResult Answer(JsonNode body)
    {
        if (Status != 200)
        {
            return Results.Json(new { error = new { message = "The server had an error", type = "server_error", code = (string?)null } }, statusCode: Status);
        }

        return Results.Json(new
        {
            id = "chatcmpl-123",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = body["model"]?.ToString() ?? "deployment-model",
            choices = new[]
            {
                new { index = 0, message = new { role = "assistant", content = Content, refusal = (string?)null }, logprobs = (object?)null, finish_reason = "stop" },
            },
            usage = new { prompt_tokens = 120, completion_tokens = 12, total_tokens = 132 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
