using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Serverless.Api.Security;

/// <summary>What a valid token must also grant (scp, roles), and the sentence for each refusal.</summary>
public sealed partial class EntraTokenValidator
{
    /// <summary>The delegated permission and the app role the settings ask for, or null when the token has them.</summary>
    private ManagementAuthResult? Permission(JsonWebToken jwt)
    {
        // An ID token has the same issuer, keys and (client ID) audience, and may carry roles: only access tokens
        // name the client that requested them (azp in v2.0, appid in v1.0).
        if (!jwt.TryGetPayloadValue<string>("azp", out _) && !jwt.TryGetPayloadValue<string>("appid", out _))
        {
            return ManagementAuthResult.InvalidToken("The bearer token is not an access token (no 'azp' or 'appid'): an ID token does not open the API.");
        }

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
}
