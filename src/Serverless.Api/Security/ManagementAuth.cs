using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Serverless.Api.Security;

/// <summary>
/// The one decision on who may use the management API (workflows, instances, dead letters, sandbox calls, the
/// pending approvals list), shared by both hosts: the embedded host applies it as an endpoint filter
/// (<see cref="ManagementAuthEndpointExtensions.RequireManagementKey{TBuilder}"/>), the Functions app through
/// <see cref="SharedHandlerPipeline.RunManagementAsync"/> in its <c>req.Run&lt;THandler&gt;</c>.
/// </summary>
/// <remarks>
/// A request passes when it carries one of the <c>Api:ApiKeys</c> in <c>X-API-Key</c> or
/// <c>Authorization: Bearer</c>, checked in constant time by <see cref="KeyRing"/>, so neither the key's length
/// nor which key matched shows in the timing; or, with <c>Api:EntraId</c> set, an Entra ID access token in
/// <c>Authorization: Bearer</c> that <see cref="EntraTokenValidator"/> accepts. With no key and no Entra ID configured
/// and <c>Api:AllowLoopbackWithoutKey</c> true, local requests pass without a credential (see <see cref="IsLocal"/>).
/// </remarks>
public sealed class ManagementAuth
{
    public const string ApiKeyHeader = "X-API-Key";
    private const string BearerScheme = "Bearer";

    private readonly KeyRing keys;
    private readonly bool allowLocalWithoutKey;
    private readonly EntraTokenValidator entra;
    private readonly ILogger<ManagementAuth> logger;

    public ManagementAuth(IOptions<ApiOptions> options, EntraTokenValidator entra, ILogger<ManagementAuth> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        keys = new KeyRing(options.Value.ApiKeys);
        allowLocalWithoutKey = options.Value.AllowLoopbackWithoutKey;
        this.entra = entra;
        this.logger = logger;
    }

    /// <summary>True when at least one key is configured.</summary>
    public bool KeysConfigured => !keys.IsEmpty;

    /// <summary>True when Entra ID access tokens are accepted (<c>Api:EntraId</c>).</summary>
    public bool EntraEnabled => entra.Enabled;

    /// <summary>Whether this request may pass with no credential at all: nothing is configured, the loopback
    /// fallback is on and the request is local. What GET /api/auth/config calls <c>keyRequired</c>, negated.</summary>
    public bool AcceptsWithoutCredential(HttpContext context) =>
        keys.IsEmpty && !entra.Enabled && allowLocalWithoutKey && IsLocal(context);

    /// <summary>What the request proves; <see cref="ManagementAuthResult.Succeeded"/> says whether it may proceed. A
    /// valid Entra ID token also becomes <see cref="HttpContext.User"/>.</summary>
    public async ValueTask<ManagementAuthResult> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (keys.IsEmpty && !entra.Enabled)
        {
            if (!allowLocalWithoutKey)
            {
                return ManagementAuthResult.NoKeyConfigured;
            }

            return IsLocal(context) ? ManagementAuthResult.LocalWithoutKey : ManagementAuthResult.NotLocal;
        }

        var presented = ReadCredential(context.Request, out var malformed, out var bearer);
        if (malformed)
        {
            return ManagementAuthResult.InvalidKey;
        }

        if (presented is null)
        {
            return entra.Enabled ? ManagementAuthResult.MissingCredential : ManagementAuthResult.MissingKey;
        }

        if (bearer && entra.Enabled && EntraTokenValidator.LooksLikeToken(presented))
        {
            var token = await entra.ValidateAsync(presented, context.RequestAborted);
            if (token.User is not null)
            {
                context.User = token.User;
            }

            return token.Outcome;
        }

        return keys.Contains(presented) ? ManagementAuthResult.ValidKey : ManagementAuthResult.InvalidKey;
    }

    /// <summary>Null when the request may proceed; otherwise the problem to answer with (401, 403 or 503; a warning
    /// is logged, without the credential).</summary>
    public async ValueTask<IResult?> AuthorizeAsync(HttpContext context)
    {
        var result = await AuthenticateAsync(context);
        if (result.Succeeded)
        {
            return null;
        }

        ManagementAuthLog.Refused(logger, context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress?.ToString() ?? "in-process", result.Reason, result.Detail);
        return new ChallengeResult(result, Results.Problem(
            title: result.Title,
            detail: result.Detail,
            statusCode: result.StatusCode,
            instance: context.Request.Path,
            extensions: new Dictionary<string, object?> { ["reason"] = result.Reason }));
    }

    /// <summary>
    /// A request is local when its connection comes from the loopback interface, or has no IP address at all: an
    /// in-process server (ASP.NET Core's TestServer, which the tests use) or a Unix domain socket, which only
    /// processes on this machine allowed by the socket file's permissions can reach. Kestrel always sets the
    /// address of a TCP connection, so a remote caller cannot produce a null one. A request carrying
    /// any of the <see cref="ForwardingHeaders"/> is never local: a reverse proxy on this machine connects over
    /// loopback on behalf of a remote client.
    /// </summary>
    /// <summary>Headers a proxy or CDN sets to name the client it relays (RFC 7239 and the common de facto ones):
    /// any of them means the request came from somewhere else, whatever the connection's address.</summary>
    public static IReadOnlyList<string> ForwardingHeaders { get; } =
    [
        "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Original-For", "X-Real-IP", "X-Client-IP", "True-Client-IP",
        "CF-Connecting-IP", "Fastly-Client-IP", "X-Cluster-Client-IP", "X-ProxyUser-Ip", "Client-IP", "Via",
    ];

    public static bool IsLocal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Request.Headers;
        if (ForwardingHeaders.Any(headers.ContainsKey))
        {
            return false;
        }

        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return true;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        return IPAddress.IsLoopback(remote);
    }

    /// <summary>X-API-Key first, then Authorization: Bearer (<paramref name="bearer"/>). A header given twice, or an
    /// Authorization header of another scheme with no X-API-Key, is malformed (refused, not ignored).</summary>
    private static string? ReadCredential(HttpRequest request, out bool malformed, out bool bearer)
    {
        malformed = false;
        bearer = false;
        if (request.Headers.TryGetValue(ApiKeyHeader, out var apiKey) && apiKey.Count > 0)
        {
            malformed = apiKey.Count > 1 || string.IsNullOrEmpty(apiKey[0]);
            return malformed ? null : apiKey[0]!.Trim();
        }

        if (request.Headers.TryGetValue(HeaderNames.Authorization, out var authorization) && authorization.Count > 0)
        {
            var value = authorization.Count == 1 ? authorization[0] : null;
            if (value is null
                || value.Length <= BearerScheme.Length + 1
                || !value.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)
                || value[BearerScheme.Length] != ' ')
            {
                malformed = true;
                return null;
            }

            var token = value[(BearerScheme.Length + 1)..].Trim();
            malformed = token.Length == 0;
            bearer = true;
            return malformed ? null : token;
        }

        return null;
    }

    /// <summary>Adds <c>WWW-Authenticate</c> (RFC 9110 requires it on a 401; RFC 6750's <c>error</c> for a refused
    /// token) before writing the problem.</summary>
    private sealed class ChallengeResult(ManagementAuthResult result, IResult problem) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => result.StatusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            if (result.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
            {
                var error = result.BearerError is { } code ? $", error=\"{code}\"" : "";
                httpContext.Response.Headers.WWWAuthenticate = $"{BearerScheme} realm=\"management\"{error}, ApiKey header=\"{ApiKeyHeader}\"";
            }

            return problem.ExecuteAsync(httpContext);
        }
    }
}

internal static partial class ManagementAuthLog
{
    [LoggerMessage(100, LogLevel.Warning, "Management request {Method} {Path} from {RemoteAddress} refused: {Reason} ({Detail})")]
    public static partial void Refused(ILogger logger, string method, string path, string remoteAddress, string reason, string detail);
}
