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

    private ConfigurationManager<OpenIdConnectConfiguration> NewManager() =>
        new(options.MetadataAddress, new OpenIdConnectConfigurationRetriever(), new FactoryDocumentRetriever(httpClients, new Uri(options.MetadataAddress).Scheme == Uri.UriSchemeHttps));

    /// <summary>Each read takes a client from the factory, so a manager kept for hours still follows DNS and handler
    /// rotation. http is allowed only for a loopback instance (the options validator's rule: a local test provider).</summary>
    private sealed class FactoryDocumentRetriever(IHttpClientFactory httpClients, bool requireHttps) : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
            new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = requireHttps }.GetDocumentAsync(address, cancel);
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
