using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Connectors.Zoho;

namespace Serverless.Testing.Fakes.Zoho;

/// <summary>
/// Zoho's accounts server, Zoho Desk API v1 and Zoho CRM (any version) on one local Kestrel server (127.0.0.1, a
/// port the OS picks; <see cref="BaseAddress"/>), speaking the documented contract. <see cref="Settings"/> points
/// Connectors:Zoho at it.
/// <para>Tokens: POST /oauth/v2/token (form body or query) with grant_type=refresh_token and this fake's
/// <see cref="ClientId"/>, <see cref="ClientSecret"/> and <see cref="RefreshToken"/> answers {access_token, api_domain,
/// token_type, expires_in = <see cref="TokenLifetimeSeconds"/>}; a wrong client id answers HTTP 200
/// {"error":"invalid_client"}, a wrong secret or refresh token (or <see cref="RefreshTokenRevoked"/>) HTTP 200
/// {"error":"invalid_code"}, as Zoho does. The APIs take only "Authorization: Zoho-oauthtoken {token}" with a token
/// it issued and that has not expired by <see cref="Clock"/>; else 401 (Desk {"errorCode":"INVALID_OAUTH"}, CRM
/// {"code":"INVALID_TOKEN"}). Desk also needs the orgId header (<see cref="OrgId"/>).</para>
/// <para>State: seeded tickets (<see cref="AddTicket"/>), their threads and comments, and CRM records
/// (<see cref="AddRecord"/>). Drafts become DRAFT threads of their ticket, comments are listed, moves change the
/// ticket's department, CRM updates are applied; everything is inspectable (<see cref="Drafts"/>,
/// <see cref="Comments"/>, <see cref="Moves"/>, <see cref="Updates"/>, <see cref="Requests"/>,
/// <see cref="TokensIssued"/>). <see cref="Fail"/> scripts the next answers of a path (429 with Retry-After, 401,
/// 500).</para>
/// <para>Built for load as well as for tests (a benchmark drives ~1,000 requests/s through it): state is in
/// concurrent maps with a lock per ticket, the token check and the fault check take no lock, and
/// <see cref="RecordRequests"/> can be turned off.</para>
/// </summary>
public sealed partial class FakeZohoServer : IAsyncDisposable
{
    public const string ClientId = "1000.FAKEZOHOCLIENT0000000000000000000";
    public const string ClientSecret = "fakezohoclientsecret0123456789abcdef0123456789";
    public const string RefreshToken = "1000.fakezohorefreshtoken0123456789abcdef.0123456789abcdef0123456789abcdef";
    public const string OrgId = "60001234567";
    public const string Scope = "Desk.tickets.ALL,Desk.basic.READ,ZohoCRM.modules.ALL";

    private const string TokenPrefix = "Zoho-oauthtoken ";
    private const string TokenPath = "/oauth/v2/token";
    private const string BodyKey = "fake-zoho-body";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly List<Fault> _faults = [];
    private WebApplication? _app;
    private long _nextId = 198_709_000_000_100_000;
    private int _faultCount;
    private int _tokensIssued;
    private int _tokenRequests;

    private FakeZohoServer()
    {
    }

    /// <summary>http://127.0.0.1:{port}, without a trailing slash: the accounts, Desk and CRM origin alike.</summary>
    public string BaseAddress { get; private set; } = "";

    /// <summary>The clock token expiry is checked against, and the time of created drafts, comments and updates.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>expires_in of the tokens it issues.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>api_domain in the token answer: null is <see cref="BaseAddress"/>; empty leaves it out.</summary>
    public string? ApiDomain { get; set; }

    /// <summary>The refresh token has been revoked: token requests answer {"error":"invalid_code"}.</summary>
    public bool RefreshTokenRevoked { get; set; }

    /// <summary>Keep every request in <see cref="Requests"/> (turn off for long benchmarks).</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>Wait this long before answering each request (a distant server).</summary>
    public TimeSpan Latency { get; set; }

    public ConcurrentQueue<FakeZohoRequest> Requests { get; } = new();

    public ConcurrentQueue<FakeZohoDraft> Drafts { get; } = new();

    public ConcurrentQueue<FakeZohoComment> Comments { get; } = new();

    public ConcurrentQueue<FakeZohoMove> Moves { get; } = new();

    public ConcurrentQueue<FakeZohoUpdate> Updates { get; } = new();

    /// <summary>Access tokens issued so far.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Token requests received, refused and scripted-to-fail ones included.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public static async Task<FakeZohoServer> StartAsync()
    {
        var server = new FakeZohoServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Use(server.Intercept);
        app.MapPost(TokenPath, server.Token);
        server.MapDesk(app);
        server.MapCrm(app);
        await app.StartAsync();
        server._app = app;
        server.BaseAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>Connectors:Zoho settings that point the connector at this fake (token endpoint, Desk and CRM).
    /// Without <paramref name="crmFromApiDomain"/>, CrmBaseAddress is set; with it, the CRM host comes from the
    /// token's api_domain.</summary>
    public Dictionary<string, string?> Settings(bool crmFromApiDomain = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Connectors:Zoho:ClientId"] = ClientId,
            ["Connectors:Zoho:ClientSecret"] = ClientSecret,
            ["Connectors:Zoho:RefreshToken"] = RefreshToken,
            ["Connectors:Zoho:OrgId"] = OrgId,
            ["Connectors:Zoho:AccountsBaseAddress"] = BaseAddress,
            ["Connectors:Zoho:DeskBaseAddress"] = BaseAddress,
        };
        if (!crmFromApiDomain)
        {
            settings["Connectors:Zoho:CrmBaseAddress"] = BaseAddress;
        }

        return settings;
    }

    /// <summary>The same settings as environment variables (Connectors__Zoho__ClientId ...), for a child process.</summary>
    public Dictionary<string, string?> EnvironmentVariables(bool crmFromApiDomain = false) =>
        Settings(crmFromApiDomain).ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value);

    /// <summary>Every access token issued so far is refused from now on (401).</summary>
    public void RevokeTokens() => _tokens.Clear();

    /// <summary>The next <paramref name="times"/> requests whose path starts with <paramref name="pathStartsWith"/>
    /// (any path when null) answer the fault instead; a 429 carries Retry-After: <paramref name="retryAfterSeconds"/>.</summary>
    public void Fail(FakeZohoFault fault, int times = 1, string? pathStartsWith = null, int retryAfterSeconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_faults)
        {
            _faults.Add(new Fault(fault, pathStartsWith, retryAfterSeconds) { Remaining = times });
            _faultCount = _faults.Count;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private static string Body(HttpContext context) => context.Items[BodyKey] as string ?? "";

    private async Task Intercept(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var body = "";
        if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        context.Items[BodyKey] = body;
        var path = request.Path.Value ?? "";
        if (path == TokenPath)
        {
            Interlocked.Increment(ref _tokenRequests);
        }

        if (RecordRequests)
        {
            Requests.Enqueue(new FakeZohoRequest(request.Method, path, request.QueryString.Value ?? "", request.Headers.Authorization.FirstOrDefault(),
                request.Headers["orgId"].FirstOrDefault(), body, DateTimeOffset.UtcNow));
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted);
        }

        if (Volatile.Read(ref _faultCount) > 0 && TakeFault(path) is { } fault)
        {
            await FaultResult(path, fault).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private Fault? TakeFault(string path)
    {
        lock (_faults)
        {
            var fault = _faults.FirstOrDefault(f => f.PathStartsWith is null || path.StartsWith(f.PathStartsWith, StringComparison.Ordinal));
            if (fault is not null && --fault.Remaining == 0)
            {
                _faults.Remove(fault);
                _faultCount = _faults.Count;
            }

            return fault;
        }
    }

    private static IResult FaultResult(string path, Fault fault)
    {
        var (status, code, message) = fault.Kind switch
        {
            FakeZohoFault.TooManyRequests => (429, "TOO_MANY_REQUESTS", "You have made too many requests. Try again after some time."),
            FakeZohoFault.InvalidToken => (401, path.StartsWith("/crm/", StringComparison.Ordinal) ? "INVALID_TOKEN" : "INVALID_OAUTH",
                "The OAuth Token you provided is invalid."),
            _ => (500, "INTERNAL_SERVER_ERROR", "An internal server error occurred while processing this request."),
        };
        var body = path.StartsWith("/crm/", StringComparison.Ordinal) ? CrmError(code, message)
            : path.StartsWith("/oauth/", StringComparison.Ordinal) ? new JsonObject { ["error"] = code }
            : DeskError(code, message);
        var result = Json(status, body);
        return fault.Kind == FakeZohoFault.TooManyRequests
            ? new WithHeader(result, "Retry-After", fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture))
            : result;
    }

    private IResult Token(HttpContext context)
    {
        var form = QueryHelpers.ParseQuery(Body(context));
        string Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : context.Request.Query[name].ToString();

        // Zoho answers refused token requests with HTTP 200 and an "error" field.
        if (Field("grant_type") != "refresh_token")
        {
            return Json(200, new JsonObject { ["error"] = "unsupported_grant_type" });
        }

        if (Field("client_id") != ClientId)
        {
            return Json(200, new JsonObject { ["error"] = "invalid_client" });
        }

        if (Field("client_secret") != ClientSecret || Field("refresh_token") != RefreshToken || RefreshTokenRevoked)
        {
            return Json(200, new JsonObject { ["error"] = "invalid_code" });
        }

        var lifetime = TokenLifetimeSeconds;
        var token = $"1000.{Guid.NewGuid():N}.{Interlocked.Increment(ref _tokensIssued).ToString(CultureInfo.InvariantCulture)}";
        _tokens[token] = Clock.GetUtcNow().AddSeconds(lifetime);
        var answer = new JsonObject { ["access_token"] = token, ["scope"] = Scope };
        if (ApiDomain != "")
        {
            answer["api_domain"] = ApiDomain ?? BaseAddress;
        }

        answer["token_type"] = "Bearer";
        answer["expires_in"] = lifetime;
        return Json(200, answer);
    }

    /// <summary>Null when the request carries a live token this fake issued; else the API's 401.</summary>
    private IResult? Unauthorized(HttpContext context, bool crm)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        if (auth.StartsWith(TokenPrefix, StringComparison.Ordinal) && _tokens.TryGetValue(auth[TokenPrefix.Length..], out var expires)
            && Clock.GetUtcNow() < expires)
        {
            return null;
        }

        return crm
            ? Json(401, CrmError("INVALID_TOKEN", "invalid oauth token"))
            : Json(401, DeskError("INVALID_OAUTH", "The OAuth Token you provided is invalid."));
    }

    private static JsonObject DeskError(string code, string message) => new() { ["errorCode"] = code, ["message"] = message };

    private static JsonObject CrmError(string code, string message, JsonObject? details = null) =>
        new() { ["code"] = code, ["details"] = details ?? new JsonObject(), ["message"] = message, ["status"] = "error" };

    private static IResult Json(int status, JsonNode body) => Results.Text(body.ToJsonString(), "application/json", statusCode: status);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed record Fault(FakeZohoFault Kind, string? PathStartsWith, int RetryAfterSeconds)
    {
        public int Remaining { get; set; }
    }

    private sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
