using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Serverless.Connectors.Resilience;

/// <summary>Builds the shared resilience pipeline (total timeout, retry with exponential backoff + jitter that honours
/// the server's wait, circuit breaker, per-attempt timeout) once per connector, so each upstream has its own circuit.</summary>
internal sealed class ConnectorPipelines(IOptions<ConnectorResilienceOptions> options, TimeProvider time, ILogger<ConnectorPipelines> logger)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline<HttpResponseMessage> For(string connector) => _pipelines.GetOrAdd(connector, Build);

    private ResiliencePipeline<HttpResponseMessage> Build(string connector)
    {
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = connector, TimeProvider = time };
        builder.AddTimeout(o.TotalTimeout);
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.BaseDelay,
                MaxDelay = o.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, o)),
                DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome)),
                OnRetry = args =>
                {
                    logger.LogWarning("{Connector}: attempt {Attempt} failed ({Outcome}); retrying in {Delay} ms",
                        connector, args.AttemptNumber + 1, Describe(args.Outcome), (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = o.BreakerFailureRatio,
            MinimumThroughput = o.BreakerMinimumThroughput,
            SamplingDuration = o.BreakerSamplingDuration,
            BreakDuration = o.BreakerDuration,
            ShouldHandle = args => ValueTask.FromResult(IsUpstreamFailure(args.Outcome)),
            OnOpened = args =>
            {
                logger.LogWarning("{Connector}: circuit opened for {Duration} s after repeated failures ({Outcome})",
                    connector, (long)args.BreakDuration.TotalSeconds, Describe(args.Outcome));
                return default;
            },
        });
        builder.AddTimeout(o.AttemptTimeout);
        return builder.Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ConnectorResilienceOptions o)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited)
        {
            var wait = RetryAfterReader.Read(limited, time.GetUtcNow());
            return wait is null || wait <= o.MaxRetryAfter;
        }

        return IsUpstreamFailure(outcome);
    }

    private TimeSpan? ServerRequestedDelay(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } response
            ? RetryAfterReader.Read(response, time.GetUtcNow())
            : null;

    private static bool IsUpstreamFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException or HttpRequestException } => true,
        { Result: { } r } => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? e.GetType().Name : $"HTTP {(int?)outcome.Result?.StatusCode}";
}
