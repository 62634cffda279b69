using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Serverless.Api.Security;

/// <summary>
/// Checks an Entra ID v2.0 access token for the management API (<see cref="EntraIdOptions"/>): RS256 signature by a
/// key of the tenant's JWKS (from its OpenID Connect metadata, cached by <see cref="ConfigurationManager{T}"/>), issuer
/// <c>{instance}{tenant}/v2.0</c>, audience, lifetime (5 minutes of clock skew), then the delegated permission
/// (<c>scp</c>) and app role (<c>roles</c>) the settings require.
/// </summary>
/// <remarks>A token signed with a key the cached keys lack (Entra rotated its keys) fetches the metadata again at
/// once, at most every <see cref="KeyRefreshInterval"/> so that made-up key ids cannot hammer the tenant. The token
/// itself is never logged nor echoed; IdentityModel's own messages are not passed on either.</remarks>
public sealed partial class EntraTokenValidator
{
    /// <summary>The named HttpClient that reads the metadata and keys.</summary>
    public const string HttpClientName = "entra-id-metadata";

    private readonly EntraIdOptions options;
    private readonly IHttpClientFactory httpClients;
    private readonly TimeProvider time;
    private readonly ILogger<EntraTokenValidator> logger;
    private readonly JsonWebTokenHandler handler = new();
    private readonly Lock gate = new();
    private ConfigurationManager<OpenIdConnectConfiguration>? manager;
    private DateTimeOffset lastForcedRefresh = DateTimeOffset.MinValue;

    public EntraTokenValidator(IOptions<ApiOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<EntraTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value.EntraId;
        this.httpClients = httpClients;
        this.time = time;
        this.logger = logger;
    }

    public static TimeSpan KeyRefreshInterval { get; } = TimeSpan.FromMinutes(5);

    public bool Enabled => options.Enabled;

    /// <summary>Whether <paramref name="bearer"/> is shaped like a JWT (three base64url parts), so an
    /// <c>Authorization: Bearer</c> value is checked as a token rather than as an API key.</summary>
    public static bool LooksLikeToken(string bearer) =>
        bearer.StartsWith("eyJ", StringComparison.Ordinal) && bearer.Count(c => c == '.') == 2;

    public async Task<EntraTokenResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!handler.CanReadToken(token))
        {
            return EntraTokenResult.Refused(ManagementAuthResult.InvalidToken("The bearer value is not a JWT access token."));
        }

        var configuration = await ConfigurationAsync(cancellationToken);
        if (configuration is null)
        {
            return EntraTokenResult.Refused(ManagementAuthResult.EntraUnavailable);
        }

        var result = await handler.ValidateTokenAsync(token, Parameters(configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await RefreshAsync(cancellationToken) is { } refreshed)
        {
            result = await handler.ValidateTokenAsync(token, Parameters(refreshed));
        }

        if (!result.IsValid)
        {
            return EntraTokenResult.Refused(Refusal(result.Exception, token));
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        return Permission(jwt) is { } missing
            ? EntraTokenResult.Refused(missing)
            : new EntraTokenResult(ManagementAuthResult.EntraToken, new ClaimsPrincipal(result.ClaimsIdentity));
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = options.Authority,
        ValidAudiences = options.ValidAudiences,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromMinutes(5),
        NameClaimType = "preferred_username",
        RoleClaimType = "roles",
    };

    /// <summary>The delegated permission and the app role the settings ask for, or null when the token has them.</summary>
    private ManagementAuthResult? Permission(JsonWebToken jwt)
    {
        var scopes = jwt.TryGetPayloadValue<string>("scp", out var scp) && !string.IsNullOrWhiteSpace(scp)
            ? scp.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : null;
        var roles = jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var scope = options.Scope;
        var role = options.RequiredRole;
        if (scopes is null && role.Length == 0)
        {
            return ManagementAuthResult.InsufficientScope(
                $"The token is an application token (no 'scp'): only users sign in, unless {EntraIdOptions.SectionName}:RequiredRole names an app role the application holds.");
        }

        if (scopes is not null && scope.Length > 0 && !scopes.Contains(scope, StringComparer.Ordinal))
        {
            return ManagementAuthResult.InsufficientScope(
                $"The token does not carry the delegated permission '{scope}' ({EntraIdOptions.SectionName}:Scope) in 'scp': request the scope {options.RequestedScope}.");
        }

        if (role.Length > 0 && !roles.Contains(role))
        {
            return ManagementAuthResult.InsufficientScope(
                $"The signed-in account is not assigned the app role '{role}' ({EntraIdOptions.SectionName}:RequiredRole): ask an administrator to assign it.");
        }

        return null;
    }

    /// <summary>Our own sentence for a refused token: IdentityModel's messages are not passed on. Claim values quoted
    /// from the token (aud, iss, kid) are not secret, and are cut and stripped of control characters.</summary>
    private ManagementAuthResult Refusal(Exception? exception, string token)
    {
        var jwt = TryRead(token);
        switch (exception)
        {
            case SecurityTokenExpiredException:
                return ManagementAuthResult.TokenExpired;
            case SecurityTokenNotYetValidException:
                return ManagementAuthResult.TokenNotYetValid;
            case SecurityTokenInvalidAudienceException:
                return ManagementAuthResult.InvalidAudience(
                    $"The token's audience {Quote(jwt?.Audiences.FirstOrDefault())} is not this API ({EntraIdOptions.SectionName}:Audience: {string.Join(" or ", options.ValidAudiences)}).");
            case SecurityTokenInvalidIssuerException:
                var issuer = jwt?.Issuer;
                var hint = issuer?.StartsWith("https://sts.windows.net/", StringComparison.OrdinalIgnoreCase) == true
                    ? " It is a v1.0 token: set api.requestedAccessTokenVersion to 2 on the API's app registration."
                    : "";
                return ManagementAuthResult.InvalidIssuer($"The token was issued by {Quote(issuer)}, not {options.Authority}.{hint}");
            case SecurityTokenSignatureKeyNotFoundException:
                return ManagementAuthResult.InvalidToken($"The token is signed with a key ({(jwt?.Kid is { } kid ? "kid " + Quote(kid) : "no kid")}) the tenant does not publish.");
            case SecurityTokenInvalidSignatureException:
                return ManagementAuthResult.InvalidToken("The token's signature does not verify.");
            case SecurityTokenInvalidAlgorithmException:
                return ManagementAuthResult.InvalidToken($"The token must be signed with {SecurityAlgorithms.RsaSha256}.");
            case SecurityTokenNoExpirationException:
                return ManagementAuthResult.InvalidToken("The token has no expiry ('exp').");
            default:
                EntraLog.UnexpectedRefusal(logger, exception?.GetType().Name ?? "none");
                return ManagementAuthResult.InvalidToken("The token is not a valid access token.");
        }
    }

    private JsonWebToken? TryRead(string token)
    {
        try
        {
            return handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Quote(string? value) =>
        value is null ? "(none)" : $"'{new string([.. value.Take(100).Where(c => c >= ' ' && c != '\u007f')])}'";

    private async Task<OpenIdConnectConfiguration?> ConfigurationAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Manager().GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            EntraLog.MetadataUnavailable(logger, options.MetadataAddress, ex.InnerException?.GetType().Name ?? ex.GetType().Name);
            return null;
        }
    }

    /// <summary>A fresh manager reads the metadata now (ConfigurationManager.RequestRefresh refreshes in the background,
    /// after this request has been refused); kept only when the read succeeds.</summary>
    private async Task<OpenIdConnectConfiguration?> RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (now - lastForcedRefresh < KeyRefreshInterval)
            {
                return null;
            }

            lastForcedRefresh = now;
        }

        var fresh = NewManager();
        try
        {
            var configuration = await fresh.GetConfigurationAsync(cancellationToken);
            lock (gate)
            {
                manager = fresh;
            }

            EntraLog.KeysRefreshed(logger, configuration.SigningKeys.Count);
            return configuration;
        }
        catch (InvalidOperationException ex)
        {
            EntraLog.MetadataUnavailable(logger, options.MetadataAddress, ex.InnerException?.GetType().Name ?? ex.GetType().Name);
            return null;
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Manager()
    {
        lock (gate)
        {
            return manager ??= NewManager();
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> NewManager()
    {
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
        {
            // The validator allows http only for a loopback instance (a local test provider).
            RequireHttps = new Uri(options.MetadataAddress).Scheme == Uri.UriSchemeHttps,
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(options.MetadataAddress, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    private static partial class EntraLog
    {
        [LoggerMessage(110, LogLevel.Warning, "Entra ID metadata {MetadataAddress} could not be read ({Error}); Entra ID tokens are refused until it can")]
        public static partial void MetadataUnavailable(ILogger logger, string metadataAddress, string error);

        [LoggerMessage(111, LogLevel.Information, "Entra ID signing keys fetched again for a token with an unknown key: {KeyCount} key(s)")]
        public static partial void KeysRefreshed(ILogger logger, int keyCount);

        [LoggerMessage(112, LogLevel.Warning, "Entra ID token refused for an unexpected reason ({Exception})")]
        public static partial void UnexpectedRefusal(ILogger logger, string exception);
    }
}

/// <summary>What <see cref="EntraTokenValidator.ValidateAsync"/> decided, and who the token names when it passed.</summary>
public sealed record EntraTokenResult(ManagementAuthResult Outcome, ClaimsPrincipal? User)
{
    public static EntraTokenResult Refused(ManagementAuthResult outcome) => new(outcome, null);
}
