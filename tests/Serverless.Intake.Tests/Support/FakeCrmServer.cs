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

/// <summary>
/// A local server speaking the documented endpoints the request handler uses: HubSpot CRM v3 contacts search and
/// create, tickets create (with associations); ClickUp v2 task get and list task create; and a file host for files
/// given by URL. Switches make each one fail the way the real API does (status code + error body).
/// </summary>
public sealed class FakeCrmServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int nextId = 1000;

    private FakeCrmServer(WebApplication app) => this.app = app;

    public string BaseAddress { get; private set; } = "";

    public ConcurrentQueue<(string Path, JsonNode? Body)> Requests { get; } = new();

    public ConcurrentDictionary<string, string> Contacts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Status answered by POST /crm/v3/objects/contacts (201 when null).</summary>
    public int? ContactCreateStatus { get; set; }

    /// <summary>Status answered by ClickUp calls (200 when null).</summary>
    public int? ClickUpStatus { get; set; }

    /// <summary>Status answered by GET /files/... (200 when null).</summary>
    public int? FileStatus { get; set; }

    public static async Task<FakeCrmServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeCrmServer(app);
        server.Map(app);
        await app.StartAsync();
        server.BaseAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public IReadOnlyList<JsonNode?> BodiesOf(string path) => Requests.Where(r => r.Path == path).Select(r => r.Body).ToList();

    private void Map(WebApplication web)
    {
        web.MapPost("/crm/v3/objects/contacts/search", async (HttpRequest req) =>
        {
            var body = await Record(req);
            var email = body?["filterGroups"]?[0]?["filters"]?[0]?["value"]?.ToString() ?? "";
            return Contacts.TryGetValue(email, out var id)
                ? Results.Json(new { total = 1, results = new[] { new { id, properties = new { email } } } })
                : Results.Json(new { total = 0, results = Array.Empty<object>() });
        });
        web.MapPost("/crm/v3/objects/contacts", async (HttpRequest req) =>
        {
            var body = await Record(req);
            if (ContactCreateStatus is { } status)
            {
                return Results.Json(new { status = "error", message = "Property values were not valid", category = "VALIDATION_ERROR" }, statusCode: status);
            }

            var id = NextId();
            Contacts[body?["properties"]?["email"]?.ToString() ?? ""] = id;
            return Results.Json(new { id, properties = body?["properties"] }, statusCode: 201);
        });
        web.MapPost("/crm/v3/objects/tickets", async (HttpRequest req) =>
        {
            var body = await Record(req);
            return Results.Json(new { id = NextId(), properties = body?["properties"] }, statusCode: 201);
        });
        web.MapGet("/api/v2/task/{taskId}", async (HttpRequest req, string taskId) =>
        {
            await Record(req);
            return ClickUpStatus is { } status
                ? Results.Json(new { err = "Service unavailable", ECODE = "ITEM_500" }, statusCode: status)
                : Results.Json(new { id = taskId, name = "Parent", url = $"https://app.clickup.com/t/{taskId}", list = new { id = "901" } });
        });
        web.MapPost("/api/v2/list/{listId}/task", async (HttpRequest req) =>
        {
            var body = await Record(req);
            var id = "sub" + NextId();
            return ClickUpStatus is { } status
                ? Results.Json(new { err = "Service unavailable", ECODE = "ITEM_500" }, statusCode: status)
                : Results.Json(new { id, name = body?["name"]?.ToString(), url = $"https://app.clickup.com/t/{id}", list = new { id = "901" }, parent = body?["parent"]?.ToString() });
        });
        web.MapGet("/redirect", async (HttpRequest req, string to) =>
        {
            await Record(req);
            return Results.Redirect(to);
        });
        web.MapGet("/files/{name}", async (HttpRequest req, string name) =>
        {
            await Record(req);
            return FileStatus is { } status ? Results.StatusCode(status) : Results.Bytes("PDF-FROM-URL"u8.ToArray(), "application/pdf");
        });
    }

    private async Task<JsonNode?> Record(HttpRequest request)
    {
        JsonNode? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            body = await JsonNode.ParseAsync(request.Body);
        }

        Requests.Enqueue((request.Path.Value!, body));
        return body;
    }

    private string NextId() => Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
