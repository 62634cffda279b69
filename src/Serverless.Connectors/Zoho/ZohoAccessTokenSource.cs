using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Alerts;
using Serverless.Connectors.Resilience;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Zoho;

/// <summary>An access token and the API host Zoho said it is for (api_domain, e.g. https://www.zohoapis.eu).</summary>
internal sealed record ZohoAccessToken(string Value, string? ApiDomain)
{
    /// <summary>Never the token itself: a logged record must not carry it.</summary>
    public override string ToString() => $"Zoho access token (api_domain {ApiDomain ?? "none"})";
}

/// <summary>Access tokens from the refresh token (POST {accounts}/oauth/v2/token, grant_type=refresh_token, the
/// credentials in the form body so that no URL carries them), kept until shortly before they expire. One refresh runs
/// at a time; callers arriving meanwhile wait for it and share its token. New settings (another credential) get a new
/// token. Zoho answers a refused refresh token with HTTP 200 {"error":"invalid_code"}: that fails as Unauthorized
/// (not retried) naming the setting, alerts the administrators, and for a minute the same credential fails at once
/// without asking Zoho again (Zoho limits how many tokens a refresh token may ask for in ten minutes).</summary>
internal sealed class ZohoAccessTokenSource(IHttpClientFactory clients, IOptionsMonitor<ZohoOptions> options, IConnectorAlerts alerts,
    TimeProvider time) : IDisposable
{
    /// <summary>How long a refused credential fails at once, without a token request.</summary>
    public static readonly TimeSpan RefusalHold = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);
    private const int MaxErrorLength = 100;

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Cached? _cached;
    private Refusal? _refused;

    public async Task<ZohoAccessToken> GetAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var credential = CredentialKey(settings);
        if (Fresh(credential) is { } token)
        {
            return token;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(credential) is { } refreshed)
            {
                return refreshed;
            }

            if (_refused is { } refused && refused.Credential == credential && time.GetUtcNow() < refused.Until)
            {
                throw new ActivityException(refused.Kind, refused.Message, refused.Until - time.GetUtcNow());
            }

            var cached = await RequestAsync(settings, credential, cancellationToken);
            _cached = cached;
            _refused = null;
            return cached.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Drops the cached token when an API refused it (revoked, or pushed out by newer tokens of the same
    /// refresh token), so the next call asks for a new one instead of failing until the old one expires.</summary>
    public void Invalidate(string accessToken)
    {
        var cached = _cached;
        if (cached is not null && cached.Token.Value == accessToken)
        {
            Interlocked.CompareExchange(ref _cached, null, cached);
        }
    }

    public void Dispose() => _refresh.Dispose();

    private ZohoAccessToken? Fresh(string credential) =>
        _cached is { } c && c.Credential == credential && time.GetUtcNow() < c.RefreshAt ? c.Token : null;

    private async Task<Cached> RequestAsync(ZohoOptions settings, string credential, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.AccountsAddress}/oauth/v2/token")
        {
            Content = new FormUrlEncodedContent(
            [
                new("refresh_token", settings.RefreshToken ?? ""),
                new("client_id", settings.ClientId ?? ""),
                new("client_secret", settings.ClientSecret ?? ""),
                new("grant_type", "refresh_token"),
            ]),
        };
        using var response = await clients.CreateClient(ZohoOptions.TokenClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = Parse(body);
        if (Text(json?["error"]) is { } error)
        {
            throw await RefusedAsync(settings, credential, error, Text(json!["error_description"]), now);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw HttpFailures.ToException(response, $"{ZohoOptions.ConnectorName} accounts", Redact(ApiErrorMessage.Read(body), settings), time.GetUtcNow());
        }

        if (Text(json?["access_token"]) is not { } token)
        {
            throw new ActivityException(ErrorKinds.Transient, "Zoho's token endpoint answered without an access_token.");
        }

        var lifetime = Seconds(json!["expires_in"]) is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : DefaultLifetime;
        var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
        return new Cached(credential, new ZohoAccessToken(token, Text(json["api_domain"])), now + lifetime - margin);
    }

    /// <summary>The failure for an {"error": ...} answer, remembered for <see cref="RefusalHold"/>. A refused
    /// credential alerts the administrators; Zoho's "too many requests" is only a wait.</summary>
    private async Task<ActivityException> RefusedAsync(ZohoOptions settings, string credential, string error, string? description, DateTimeOffset now)
    {
        const string s = ZohoOptions.SectionName;
        var where = $"{s}:DataCenter = '{settings.DataCenter}', token endpoint {settings.AccountsAddress}";
        var throttled = string.Equals(error, "Access Denied", StringComparison.OrdinalIgnoreCase)
            || description?.Contains("too many requests", StringComparison.OrdinalIgnoreCase) == true;
        var (kind, message) = throttled
            ? (ErrorKinds.RateLimited, "Zoho's token endpoint refused a new access token for now (too many token requests for this refresh token); try again in a minute.")
            : error switch
            {
                "invalid_code" => (ErrorKinds.Unauthorized,
                    $"Zoho refused the refresh token (invalid_code): {s}:RefreshToken is wrong or revoked, was made for another client than "
                    + $"{s}:ClientId and {s}:ClientSecret, or in another data centre ({where}). Make a new one in the Zoho API console (self client)."),
                "invalid_client" => (ErrorKinds.Unauthorized,
                    $"Zoho does not know {s}:ClientId (invalid_client) ({where}): check it, and that the client was made in that data centre."),
                "invalid_client_secret" => (ErrorKinds.Unauthorized,
                    $"Zoho refused {s}:ClientSecret (invalid_client_secret): it is not the secret of {s}:ClientId."),
                _ => (ErrorKinds.Unauthorized,
                    $"Zoho refused the token request ({Redact(error, settings)}): check {s}:ClientId, {s}:ClientSecret and {s}:RefreshToken ({where})."),
            };
        _refused = new Refusal(credential, now + RefusalHold, kind, message);
        if (kind == ErrorKinds.Unauthorized)
        {
            await alerts.TokenRefusedAsync(ZohoOptions.ConnectorName, CancellationToken.None);
        }

        return new ActivityException(kind, message, RefusalHold);
    }

    /// <summary>Zoho's own text, shortened, with the secrets taken out should it ever echo one.</summary>
    private static string? Redact(string? text, ZohoOptions settings)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var secret in new[] { settings.ClientSecret, settings.RefreshToken })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "(secret)", StringComparison.Ordinal);
            }
        }

        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
    }

    private static JsonNode? Parse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static long? Seconds(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static string CredentialKey(ZohoOptions settings) =>
        CredentialHash.Of($"{settings.AccountsAddress}\n{settings.ClientId}\n{settings.ClientSecret}\n{settings.RefreshToken}");

    private sealed record Cached(string Credential, ZohoAccessToken Token, DateTimeOffset RefreshAt);

    private sealed record Refusal(string Credential, DateTimeOffset Until, string Kind, string Message);
}
