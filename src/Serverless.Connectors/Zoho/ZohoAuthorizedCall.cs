using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Connectors.Resilience;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Zoho;

/// <summary>One Zoho API call with the shared access token ("Authorization: Zoho-oauthtoken {token}"). A 401 drops
/// that token, and the call is sent once more with a fresh one; only that second 401 is reported to the
/// administrators (and fails the call as Unauthorized), so a token Zoho retired early costs one refresh, not an alert.</summary>
internal static class ZohoAuthorizedCall
{
    private const string Json = "application/json";

    public static async Task<T> SendAsync<T>(HttpClient http, ZohoAccessTokenSource tokens, Func<ZohoAccessToken, HttpRequestMessage> build,
        Func<HttpResponseMessage, Task<T>> read, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        using (var first = build(token))
        {
            first.Options.Set(ConnectorFailureHandler.RetriesUnauthorized, true);
            using var response = await http.SendAsync(first, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return await read(response);
            }
        }

        tokens.Invalidate(token.Value);
        var fresh = await tokens.GetAsync(cancellationToken);
        using var second = build(fresh);
        using var retried = await http.SendAsync(second, cancellationToken);
        return await read(retried);
    }

    /// <summary>A request with the token, JSON accepted, and the body (if any) as JSON.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string uri, ZohoAccessToken token, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, Json);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token.Value);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Json));
        return request;
    }

    /// <summary>The answer's JSON; null for an empty body (204 No Content, Zoho's "nothing found").</summary>
    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, string api, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new ActivityException(ErrorKinds.Transient, $"{api} answered HTTP {(int)response.StatusCode} with a body that is not JSON.", null, e);
        }
    }
}
