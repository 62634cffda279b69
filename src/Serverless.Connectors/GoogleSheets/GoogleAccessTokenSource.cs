using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Resilience;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.GoogleSheets;

/// <summary>Access tokens for the service account: a signed JWT exchanged at the token endpoint
/// (grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer), kept until shortly before it expires. One refresh runs
/// at a time; callers arriving meanwhile wait for it and share its token. A rotated key (new settings) gets a new token.</summary>
internal sealed class GoogleAccessTokenSource(IHttpClientFactory clients, IOptionsMonitor<GoogleSheetsOptions> options, TimeProvider time) : IDisposable
{
    private const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Cached? _cached;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
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

            var cached = await RequestAsync(settings, credential, cancellationToken);
            _cached = cached;
            return cached.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Drops the cached token when the API refused it (revoked, or the key was disabled), so the next call
    /// asks for a new one instead of failing until the old one expires.</summary>
    public void Invalidate(string accessToken)
    {
        var cached = _cached;
        if (cached is not null && cached.AccessToken == accessToken)
        {
            Interlocked.CompareExchange(ref _cached, null, cached);
        }
    }

    public void Dispose() => _refresh.Dispose();

    private string? Fresh(string credential) =>
        _cached is { } c && c.Credential == credential && time.GetUtcNow() < c.RefreshAt ? c.AccessToken : null;

    private async Task<Cached> RequestAsync(GoogleSheetsOptions settings, string credential, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var account = GoogleServiceAccount.Read(settings, problems)
            ?? throw new ActivityException(ErrorKinds.Permanent, string.Join(" ", problems));
        var endpoint = string.IsNullOrWhiteSpace(settings.TokenUrl) ? account.TokenUri : settings.TokenUrl;
        var now = time.GetUtcNow();
        var assertion = GoogleJwtAssertion.Create(account, endpoint, GoogleSheetsOptions.Scope, now);

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent([new("grant_type", GrantType), new("assertion", assertion)]),
        };
        using var response = await clients.CreateClient(GoogleSheetsOptions.TokenClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Unauthorized)
        {
            // invalid_grant (bad signature, clock skew, deleted key) and invalid_client: the credentials, not the request.
            throw new ActivityException(ErrorKinds.Unauthorized,
                $"Google refused the service account {account.ClientEmail} (HTTP {(int)response.StatusCode}): {ApiErrorMessage.Read(body) ?? "no detail"}");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw HttpFailures.ToException(response, GoogleSheetsOptions.ConnectorName, ApiErrorMessage.Read(body), time.GetUtcNow());
        }

        return Read(body, credential, now);
    }

    private static Cached Read(string body, string credential, DateTimeOffset now)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            json = null;
        }

        var token = json?["access_token"] is JsonValue t && t.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
        if (token is null)
        {
            throw new ActivityException(ErrorKinds.Transient, "Google's token endpoint answered without an access_token.");
        }

        var lifetime = json!["expires_in"] is JsonValue e && e.TryGetValue<long>(out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : GoogleJwtAssertion.Lifetime;
        var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
        return new Cached(credential, token, now + lifetime - margin);
    }

    private static string CredentialKey(GoogleSheetsOptions settings) =>
        CredentialHash.Of($"{settings.ServiceAccountJson}\n{settings.ServiceAccountFile}\n{settings.TokenUrl}");

    private sealed record Cached(string Credential, string AccessToken, DateTimeOffset RefreshAt);
}
