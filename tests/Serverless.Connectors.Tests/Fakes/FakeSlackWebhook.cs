using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Serverless.Connectors.Tests.Fakes;

/// <summary>A Slack incoming webhook as documented: POST JSON to /services/T/B/secret, plain-text "ok" on success,
/// plain-text error codes otherwise (404 no_service for an unknown hook, 400 invalid_payload without text).</summary>
public sealed class FakeSlackWebhook : FakeApiServer
{
    public const string HookPath = "/services/T0001/B0001/abcdefghijklmnopqrstuvwx";

    public static async Task<FakeSlackWebhook> StartNewAsync()
    {
        var server = new FakeSlackWebhook();
        await server.StartAsync();
        return server;
    }

    protected override void Map(WebApplication app) =>
        app.MapPost("/services/{team}/{bot}/{secret}", (HttpContext c) =>
            c.Request.Path != HookPath ? Results.Text("no_service", statusCode: 404)
            : string.IsNullOrEmpty(Body(c)?["text"]?.GetValue<string>()) ? Results.Text("invalid_payload", statusCode: 400)
            : Results.Text("ok"));
}
