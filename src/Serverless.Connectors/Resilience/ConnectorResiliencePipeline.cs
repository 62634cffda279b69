using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Serverless.Connectors.Resilience;

/// <summary>The strategies of one connector's resilience handler, from outside in: total timeout, retry
/// (exponential backoff + jitter, honouring the server's wait), circuit breaker, per-attempt timeout, per-credential
/// rate limiter. The registry builds this once per connector, so each upstream has its own circuit and buckets, and
/// they outlive IHttpClientFactory's handler rotation.</summary>
internal static class ConnectorResiliencePipeline
{
    private const string LoggerCategory = "Serverless.Connectors.Resilience";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context,
        string connector, ConnectorRateLimit rateLimit)
    {
        var sp = context.ServiceProvider;
        var o = sp.GetRequiredService<IOptions<ConnectorResilienceOptions>>().Value;
        var time = sp.GetRequiredService<TimeProvider>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "TotalTimeout", Timeout = o.TotalTimeout });
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(Retry(connector, o, time, logger));
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = o.BreakerFailureRatio,
            MinimumThroughput = o.BreakerMinimumThroughput,
            SamplingDuration = o.BreakerSamplingDuration,
            BreakDuration = o.BreakerDuration,
            ShouldHandle = args => ValueTask.FromResult(UpstreamOutcomes.IsFailure(args.Outcome)),
            OnOpened = args =>
            {
                logger.LogWarning("{Connector}: circuit opened for {Duration} s after repeated failures ({Outcome})",
                    connector, (long)args.BreakDuration.TotalSeconds, UpstreamOutcomes.Describe(args.Outcome));
                return default;
            },
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = o.AttemptTimeout });

        var limiter = CredentialRateLimiter.Create(rateLimit);
        context.OnPipelineDisposed(limiter.Dispose);
        builder.AddRateLimiter(new HttpRateLimiterStrategyOptions
        {
            RateLimiter = args => limiter.AcquireAsync(args.Context.GetRequestMessage()!, 1, args.Context.CancellationToken),
        });
    }

    private static HttpRetryStrategyOptions Retry(string connector, ConnectorResilienceOptions o, TimeProvider time, ILogger logger) => new()
    {
        MaxRetryAttempts = o.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = o.BaseDelay,
        MaxDelay = o.MaxDelay,

        // The library's Retry-After support reads only Retry-After and has no cap; ClickUp sends X-RateLimit-Reset,
        // and a long wait must go back to the durable retry instead of holding a worker.
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage(), o, time)),
        DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome, time)),
        OnRetry = args =>
        {
            logger.LogWarning("{Connector}: attempt {Attempt} failed ({Outcome}); retrying in {Delay} ms",
                connector, args.AttemptNumber + 1, UpstreamOutcomes.Describe(args.Outcome), (long)args.RetryDelay.TotalMilliseconds);
            return default;
        },
    };

    /// <summary>A request marked with this option is retried here only after a 429 (which the server did not act
    /// on): a create that timed out or got a 5xx may have been made, and the caller's durable retry first looks for it
    /// (Zoho drafts and notes, found by their marker) instead of posting it blind a second time.</summary>
    internal static readonly HttpRequestOptionsKey<bool> RetryOnlyWhenRefused = new("Serverless.Connectors.RetryOnlyWhenRefused");

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, ConnectorResilienceOptions o, TimeProvider time)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited)
        {
            var wait = RetryAfterReader.Read(limited, time.GetUtcNow());
            return wait is null || wait <= o.MaxRetryAfter;
        }

        if (request is not null && request.Options.TryGetValue(RetryOnlyWhenRefused, out var onlyRefused) && onlyRefused)
        {
            return false;
        }

        return UpstreamOutcomes.IsFailure(outcome);
    }

    private static TimeSpan? ServerRequestedDelay(Outcome<HttpResponseMessage> outcome, TimeProvider time) =>
        outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } response
            ? RetryAfterReader.Read(response, time.GetUtcNow())
            : null;
}
