using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Serverless.Connectors.Tests.Fakes;

/// <summary>A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) that records every request and can be
/// scripted to fail the next requests (status, headers, body, delay) before answering normally again. Bodies sent as
/// JSON (or without a content type) are parsed; form bodies (OAuth token requests) are kept as text.</summary>
public abstract class FakeApiServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private WebApplication? _app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string Url { get; private set; } = "";

    public void Script(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    protected abstract void Map(WebApplication app);

    protected async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var json = body.Length > 0 && context.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != false;
            Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "",
                context.Request.Headers.Authorization.FirstOrDefault(), json ? JsonNode.Parse(body) : null, DateTimeOffset.UtcNow)
            {
                Query = context.Request.QueryString.Value ?? "",
                RawBody = body,
            });
            context.Items["body"] = body;
            if (_script.TryDequeue(out var scripted))
            {
                await WriteAsync(context, scripted);
                return;
            }

            await next(context);
        });
        Map(_app);
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    protected static string RawBody(HttpContext context) => context.Items["body"] as string ?? "";

    protected static JsonNode? Body(HttpContext context) =>
        context.Items["body"] is string { Length: > 0 } body ? JsonNode.Parse(body) : null;

    private static async Task WriteAsync(HttpContext context, ScriptedResponse scripted)
    {
        if (scripted.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(scripted.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = scripted.Status;
        foreach (var (name, value) in scripted.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (scripted.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(scripted.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
