using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Serverless.Mail.Mailboxes;

/// <summary>The XOAUTH2 access token of each mailbox: the static Mail:Mailboxes:{name}:OAuth2AccessToken, or one
/// fetched from the mailbox's OAuth2 token endpoint (RFC 6749 refresh-token or client-credentials grant), kept until
/// two minutes before it expires and dropped when the server refuses it. Null for password mailboxes.</summary>
public sealed class MailboxTokens(IHttpClientFactory http, TimeProvider time)
{
    public const string HttpClientName = "mail-oauth2";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> cache = new(StringComparer.Ordinal);

    public async ValueTask<string?> AccessTokenAsync(string mailbox, MailboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.OAuth2AccessToken))
        {
            return options.OAuth2AccessToken;
        }

        if (options.OAuth2 is not { IsSet: true } oauth)
        {
            return null;
        }

        if (cache.TryGetValue(mailbox, out var cached) && time.GetUtcNow() < cached.Expires - Margin)
        {
            return cached.Token;
        }

        var token = await FetchAsync(mailbox, oauth, cancellationToken);
        cache[mailbox] = token;
        return token.Token;
    }

    /// <summary>Forgets the mailbox's token (the server refused it): the next connection fetches a new one.</summary>
    public void Invalidate(string mailbox) => cache.TryRemove(mailbox, out _);

    private async Task<(string Token, DateTimeOffset Expires)> FetchAsync(string mailbox, MailboxOAuth2Options oauth, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = string.IsNullOrEmpty(oauth.RefreshToken) ? "client_credentials" : "refresh_token",
        };
        Add(form, "refresh_token", oauth.RefreshToken);
        Add(form, "client_id", oauth.ClientId);
        Add(form, "client_secret", oauth.ClientSecret);
        Add(form, "scope", oauth.Scope);

        using var response = await http.CreateClient(HttpClientName).PostAsync(oauth.TokenUrl, new FormUrlEncodedContent(form), cancellationToken);
        TokenResponse? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: reported below with the status code only.
        }

        if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body?.AccessToken))
        {
            // error and error_description are the RFC 6749 fields; they never hold the secrets sent.
            var why = body?.Error is { } error ? $"{error}{(body.ErrorDescription is { } d ? ": " + d : "")}" : "no access_token in the answer";
            throw new InvalidOperationException(
                $"Mailbox {mailbox}: the OAuth2 token endpoint (Mail:Mailboxes:{mailbox}:OAuth2:TokenUrl) answered {(int)response.StatusCode}, {why}.");
        }

        var lifetime = body.ExpiresIn is > 0 ? TimeSpan.FromSeconds(body.ExpiresIn.Value) : TimeSpan.FromMinutes(30);
        return (body.AccessToken, time.GetUtcNow() + lifetime);
    }

    private static void Add(Dictionary<string, string> form, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            form[name] = value;
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}
