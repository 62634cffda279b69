using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Serverless.Helpdesk.Cli;

/// <summary>The host's /api/v1/helpdesk routes, as the CLI calls them. A host that does not answer, or answers with
/// a problem, is a <see cref="CliException"/> naming the URL and the problem's detail.</summary>
internal sealed class HostApi(HttpClient http) : IDisposable
{
    public Uri BaseAddress => http.BaseAddress!;

    public static HostApi Create(string url, string? apiKey)
    {
        var http = new HttpClient { BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/"), Timeout = TimeSpan.FromSeconds(100) };
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }

        return new HostApi(http);
    }

    public Task<JsonObject> StatusAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, "api/v1/helpdesk/status", null, ct);

    public Task<JsonObject> RefreshAsync(CancellationToken ct) => SendAsync(HttpMethod.Post, "api/v1/helpdesk/refresh", new JsonObject(), ct);

    public Task<JsonObject> StartAsync(JsonObject request, CancellationToken ct) => SendAsync(HttpMethod.Post, "api/v1/helpdesk/batches", request, ct);

    public Task<JsonObject> BatchAsync(string batchId, bool results, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"api/v1/helpdesk/batches/{Uri.EscapeDataString(batchId)}?results={(results ? "true" : "false")}", null, ct);

    public Task<JsonObject> BatchListAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, "api/v1/helpdesk/batches", null, ct);

    public Task<JsonObject> ExportAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, "api/v1/helpdesk/export", null, ct);

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"No host answers at {http.BaseAddress} ({e.Message}). Start it with scripts/run.sh, or pass --url.", CliExit.HostUnreachable);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var json = text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
            if (response.IsSuccessStatusCode && json is not null)
            {
                return json;
            }

            var detail = json?["detail"]?.ToString() ?? json?["title"]?.ToString() ?? response.ReasonPhrase;
            var errors = json?["errors"] is JsonObject fields ? " " + string.Join(" ", fields.Select(f => $"{f.Key}: {f.Value?[0]}")) : "";
            throw new CliException(response.StatusCode == HttpStatusCode.Unauthorized
                ? $"{http.BaseAddress} refused the call (401): pass the management key with --api-key or HELPDESK_API_KEY."
                : $"{method} {path} failed ({(int)response.StatusCode}): {detail}{errors}", CliExit.HostError);
        }
    }

    public void Dispose() => http.Dispose();
}
