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
/// nor which key matched shows in the timing. With no key configured and
/// <c>Api:AllowLoopbackWithoutKey</c> true, local requests pass without a key (see <see cref="IsLocal"/>).
/// </remarks>
public sealed class ManagementAuth
{
    public const string ApiKeyHeader = "X-API-Key";
    private const string BearerScheme = "Bearer";

    private readonly KeyRing keys;
    private readonly bool allowLocalWithoutKey;
    private readonly ILogger<ManagementAuth> logger;

    public ManagementAuth(IOptions<ApiOptions> options, ILogger<ManagementAuth> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        keys = new KeyRing(options.Value.ApiKeys);
        allowLocalWithoutKey = options.Value.AllowLoopbackWithoutKey;
        this.logger = logger;
    }

    /// <summary>True when at least one key is configured (the loopback fallback is then off).</summary>
    public bool KeysConfigured => !keys.IsEmpty;

    /// <summary>What the request proves; <see cref="ManagementAuthResult.Succeeded"/> says whether it may proceed.</summary>
    public ManagementAuthResult Authenticate(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (keys.IsEmpty)
        {
            if (!allowLocalWithoutKey)
            {
                return ManagementAuthResult.NoKeyConfigured;
            }

            return IsLocal(context) ? ManagementAuthResult.LocalWithoutKey : ManagementAuthResult.NotLocal;
        }

        var presented = ReadKey(context.Request, out var malformed);
        if (malformed)
        {
            return ManagementAuthResult.InvalidKey;
        }

        if (presented is null)
        {
            return ManagementAuthResult.MissingKey;
        }

        return keys.Contains(presented) ? ManagementAuthResult.ValidKey : ManagementAuthResult.InvalidKey;
    }

    /// <summary>Null when the request may proceed; otherwise the 401 problem to answer with (and a warning logged).</summary>
    public IResult? Authorize(HttpContext context)
    {
        var result = Authenticate(context);
        if (result.Succeeded)
        {
            return null;
        }

        ManagementAuthLog.Refused(logger, context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress?.ToString() ?? "in-process", result.Reason);
        return new ChallengeResult(Results.Problem(
            title: result.Title,
            detail: result.Detail,
            statusCode: StatusCodes.Status401Unauthorized,
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

    /// <summary>X-API-Key first, then Authorization: Bearer. A header given twice, or an Authorization header of
    /// another scheme with no X-API-Key, is malformed (refused, not ignored).</summary>
    private static string? ReadKey(HttpRequest request, out bool malformed)
    {
        malformed = false;
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
            return malformed ? null : token;
        }

        return null;
    }

    /// <summary>Adds <c>WWW-Authenticate</c> (RFC 9110 requires it on a 401) before writing the problem.</summary>
    private sealed class ChallengeResult(IResult problem) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => StatusCodes.Status401Unauthorized;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.WWWAuthenticate = $"{BearerScheme} realm=\"management\", ApiKey header=\"{ApiKeyHeader}\"";
            return problem.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>The outcome of <see cref="ManagementAuth.Authenticate"/>; <see cref="Reason"/> is a stable code
/// (also the problem's <c>reason</c> extension).</summary>
public sealed record ManagementAuthResult(bool Succeeded, string Reason, string Title, string Detail)
{
    public static readonly ManagementAuthResult ValidKey = new(true, "key", "Authenticated.", "A configured API key was presented.");

    public static readonly ManagementAuthResult LocalWithoutKey = new(true, "local", "Local access.",
        "No API key is configured and the request is local (Api:AllowLoopbackWithoutKey).");

    public static readonly ManagementAuthResult MissingKey = new(false, "missing_key", "An API key is required.",
        $"Send one of the keys of setting Api:ApiKeys in the {ManagementAuth.ApiKeyHeader} header or as 'Authorization: Bearer <key>'.");

    public static readonly ManagementAuthResult InvalidKey = new(false, "invalid_key", "The API key is not valid.",
        $"The key in {ManagementAuth.ApiKeyHeader} or 'Authorization: Bearer' is not one of the keys of setting Api:ApiKeys.");

    public static readonly ManagementAuthResult NotLocal = new(false, "not_local", "An API key is required.",
        "No API key is configured, so the management API only answers local (loopback) requests. Set Api:ApiKeys " +
        $"(e.g. Api__ApiKeys__0=<a long random key>) and send it in the {ManagementAuth.ApiKeyHeader} header.");

    public static readonly ManagementAuthResult NoKeyConfigured = new(false, "no_key_configured", "The management API is locked.",
        "No API key is configured and Api:AllowLoopbackWithoutKey is false, so no request can be authenticated. " +
        $"Set Api:ApiKeys (e.g. Api__ApiKeys__0=<a long random key>) and send it in the {ManagementAuth.ApiKeyHeader} header.");
}

internal static partial class ManagementAuthLog
{
    [LoggerMessage(100, LogLevel.Warning, "Management request {Method} {Path} from {RemoteAddress} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string method, string path, string remoteAddress, string reason);
}
