namespace Serverless.Api.Security;

/// <summary>The outcome of <see cref="ManagementAuth.AuthenticateAsync"/>; <see cref="Reason"/> is a stable code
/// (also the problem's <c>reason</c> extension). A refusal answers <see cref="StatusCode"/>: 401, 403 for a valid
/// token without the required permission, 503 when Entra ID cannot be reached to check a token.</summary>
public sealed record ManagementAuthResult(bool Succeeded, string Reason, string Title, string Detail, int StatusCode = 401)
{
    private const string Keys = "Api:ApiKeys";

    public static readonly ManagementAuthResult ValidKey = new(true, "key", "Authenticated.", "A configured API key was presented.");

    public static readonly ManagementAuthResult EntraToken = new(true, "entra", "Authenticated.", "A valid Entra ID access token was presented.");

    public static readonly ManagementAuthResult LocalWithoutKey = new(true, "local", "Local access.",
        "No API key is configured and the request is local (Api:AllowLoopbackWithoutKey).");

    public static readonly ManagementAuthResult MissingKey = new(false, "missing_key", "An API key is required.",
        $"Send one of the keys of setting {Keys} in the {ManagementAuth.ApiKeyHeader} header or as 'Authorization: Bearer <key>'.");

    /// <summary><see cref="MissingKey"/> when Entra ID sign-in is on too.</summary>
    public static readonly ManagementAuthResult MissingCredential = MissingKey with
    {
        Title = "Sign in or send an API key.",
        Detail = $"Send an Entra ID access token as 'Authorization: Bearer <token>' (sign in at GET /api/auth/config's authority), "
            + $"or one of the keys of setting {Keys} in the {ManagementAuth.ApiKeyHeader} header.",
    };

    public static readonly ManagementAuthResult InvalidKey = new(false, "invalid_key", "The API key is not valid.",
        $"The key in {ManagementAuth.ApiKeyHeader} or 'Authorization: Bearer' is not one of the keys of setting {Keys}.");

    public static readonly ManagementAuthResult NotLocal = new(false, "not_local", "An API key is required.",
        $"No API key is configured, so the management API only answers local (loopback) requests. Set {Keys} " +
        $"(e.g. Api__ApiKeys__0=<a long random key>) and send it in the {ManagementAuth.ApiKeyHeader} header.");

    public static readonly ManagementAuthResult NoKeyConfigured = new(false, "no_key_configured", "The management API is locked.",
        "No API key is configured and Api:AllowLoopbackWithoutKey is false, so no request can be authenticated. " +
        $"Set {Keys} (e.g. Api__ApiKeys__0=<a long random key>) and send it in the {ManagementAuth.ApiKeyHeader} header.");

    public static readonly ManagementAuthResult TokenExpired = new(false, "token_expired", "The access token has expired.",
        "The Entra ID access token is past its expiry ('exp'): sign in again.");

    public static readonly ManagementAuthResult TokenNotYetValid = new(false, "token_not_yet_valid", "The access token is not valid yet.",
        "The Entra ID access token's 'nbf' is in the future: check this machine's clock.");

    public static readonly ManagementAuthResult EntraUnavailable = new(false, "entra_unavailable", "Entra ID cannot be reached.",
        "The tenant's signing keys could not be read, so the access token cannot be checked now; try again in a moment or use an API key.",
        StatusCode: 503);

    public static ManagementAuthResult InvalidToken(string detail) => new(false, "invalid_token", "The access token is not valid.", detail);

    public static ManagementAuthResult InvalidAudience(string detail) => new(false, "invalid_audience", "The access token is not for this API.", detail);

    public static ManagementAuthResult InvalidIssuer(string detail) => new(false, "invalid_issuer", "The access token is not from this tenant.", detail);

    public static ManagementAuthResult InsufficientScope(string detail) =>
        new(false, "insufficient_scope", "The access token does not grant access to the management API.", detail, StatusCode: 403);

    /// <summary>The RFC 6750 <c>error</c> of the Bearer challenge: set for refused tokens only.</summary>
    public string? BearerError => Reason switch
    {
        "insufficient_scope" => "insufficient_scope",
        "invalid_token" or "invalid_audience" or "invalid_issuer" or "token_expired" or "token_not_yet_valid" => "invalid_token",
        _ => null,
    };
}
