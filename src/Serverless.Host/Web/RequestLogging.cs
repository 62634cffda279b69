using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Serverless.Host.Web;

/// <summary>The host's own request log, in place of ASP.NET Core's hosting diagnostics (turned off in
/// <see cref="HostLoggingExtensions"/>) whose "Request starting" lines and RequestPath scope carry the raw path, and
/// so the full approval token of a decision link. Here the path is <see cref="Redact"/>ed before it is logged or put
/// in scope, and each request gets one line: method, path, status, duration.</summary>
public static partial class RequestLogging
{
    public const string Redacted = "[redacted]";

    /// <summary>Path segments shaped like a signed token (three base64url parts joined by dots, as decision tokens
    /// "a1.{payload}.{signature}" and JWTs are) become <see cref="Redacted"/>.</summary>
    public static string Redact(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TokenSegment().Replace(path, Redacted);
    }

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Serverless.Host.Requests");
        app.Use(async (context, next) =>
        {
            var path = Redact((context.Request.PathBase + context.Request.Path).ToString());
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier, ["RequestPath"] = path });
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                RequestFinished(logger, context.Request.Method, path, context.Response.StatusCode, elapsed.TotalMilliseconds);
            }
        });
        return app;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "HTTP {Method} {Path} answered {StatusCode} in {DurationMs:0.0} ms")]
    private static partial void RequestFinished(ILogger logger, string method, string path, int statusCode, double durationMs);

    [GeneratedRegex(@"(?<=/)[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?=/|$)")]
    private static partial Regex TokenSegment();
}
