using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Serverless.Api.Security;

/// <summary>GET /api/auth/config (open): how a client such as the console signs in to the management API, as
/// <see cref="ManagementAuth"/> would judge this very request. It reveals no secret: the Entra ID authority, client ID
/// and scope are what any sign-in page shows.</summary>
public sealed class AuthConfigHandler(ManagementAuth auth, IOptions<ApiOptions> options)
{
    public const string ApiKeyMode = "apiKey";
    public const string EntraMode = "entra";

    public IResult Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entra = options.Value.EntraId;
        // An API key is worth asking for when one is configured, or when nothing is (the loopback fallback, or the
        // locked API whose refusals say which setting to set); not when only Entra ID can succeed.
        List<string> modes = auth.KeysConfigured || !auth.EntraEnabled ? [ApiKeyMode] : [];
        if (auth.EntraEnabled)
        {
            modes.Add(EntraMode);
        }

        // The answer depends on the caller (local or not): no shared cache may keep it.
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new AuthConfigResponse(
            modes,
            !auth.AcceptsWithoutCredential(context),
            auth.EntraEnabled ? new EntraSignInConfig(entra.Authority, entra.ClientId, [entra.RequestedScope]) : null));
    }
}

/// <summary>The answer of GET /api/auth/config: the sign-in modes offered (<c>apiKey</c>, <c>entra</c>), whether this
/// caller needs a credential at all, and the Entra ID sign-in parameters (null when off).</summary>
public sealed record AuthConfigResponse(IReadOnlyList<string> Modes, bool KeyRequired, EntraSignInConfig? Entra);

/// <summary>What a single-page app needs for the authorization code flow with PKCE: the v2.0 authority
/// (<c>https://login.microsoftonline.com/{tenant}/v2.0</c>), its own client ID and the scopes to request.</summary>
public sealed record EntraSignInConfig(string Authority, string ClientId, IReadOnlyList<string> Scopes);
