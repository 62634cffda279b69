using System.Net;
using Polly;
using Polly.Timeout;

namespace Serverless.Connectors.Resilience;

/// <summary>Which outcomes mean "the upstream is failing" (retried, and counted by the circuit breaker). Narrower
/// than the library's transient predicate on purpose: 501/505 and other 5xx are answers, not outages.</summary>
internal static class UpstreamOutcomes
{
    public static bool IsFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException or HttpRequestException } => true,
        { Result: { } r } => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };

    /// <summary>Status or exception type only: URLs, headers and bodies carry tokens.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? e.GetType().Name : $"HTTP {(int?)outcome.Result?.StatusCode}";
}
