using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Webhooks;

/// <summary>Calls POST /api/hooks/{route} the way a sender would: raw body, optional key, signature and headers.</summary>
internal static class WebhookClient
{
    public static async Task<HttpResponseMessage> PostHookAsync(
        this HttpClient http, string route, string body, IDictionary<string, string>? headers = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/hooks/" + route)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request);
    }

    /// <summary>X-Signature-Timestamp and X-Signature for a POST of <paramref name="body"/> to /api/hooks/<paramref name="route"/>,
    /// over the canonical string docs/webhooks.md tells senders to sign (timestamp, method, path and query,
    /// Idempotency-Key, each followed by a line feed, then the raw body). The key, when given, is added as a header.</summary>
    public static Dictionary<string, string> Signed(
        string secret, string body, DateTimeOffset? at = null, string route = WebhookWorkflows.SignedRoute, string? idempotencyKey = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var canonical = $"{timestamp}\nPOST\n/api/hooks/{route}\n{idempotencyKey}\n{body}";
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonical));
        var headers = new Dictionary<string, string>
        {
            ["X-Signature-Timestamp"] = timestamp,
            ["X-Signature"] = "sha256=" + Convert.ToHexStringLower(mac),
        };
        if (idempotencyKey is not null)
        {
            headers["Idempotency-Key"] = idempotencyKey;
        }

        return headers;
    }

    public static async Task<JsonObject> WaitForStatusAsync(this HttpClient http, string instanceId, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonObject? view = null;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync($"/api/instances/{instanceId}");
            view = await response.ReadJsonAsync();
            if (view["status"]?.GetValue<string>() == status)
            {
                return view;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Instance {instanceId} did not reach {status}: {view?.ToJsonString()}");
    }
}
