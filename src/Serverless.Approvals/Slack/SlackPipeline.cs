using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Serverless.Approvals.Configuration;
using Serverless.Connectors.Resilience;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Approvals.Slack;

/// <summary>
/// Resilience for the Slack Web API built from the shared Connectors:Resilience numbers (total timeout, retries with
/// exponential backoff + jitter honouring Retry-After, per-attempt timeout) and a token bucket per bot token.
/// It stands in for the connectors' own handler, whose constructor is internal to Serverless.Connectors.
/// </summary>
internal sealed class SlackPipeline : IDisposable
{
    private readonly ConcurrentDictionary<string, RateLimiter> limiters = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<ApprovalOptions> options;
    private readonly TimeProvider time;

    public SlackPipeline(IOptions<ConnectorResilienceOptions> resilience, IOptionsMonitor<ApprovalOptions> options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        Pipeline = Build(resilience.Value);
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public async ValueTask<RateLimitLease> AcquireAsync(string credential, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credential)).AsSpan(0, 8));
        var limit = options.CurrentValue.Slack.RateLimit;
        var limiter = limiters.GetOrAdd(key, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.PermitLimit,
            TokensPerPeriod = limit.TokensPerPeriod,
            ReplenishmentPeriod = limit.ReplenishmentPeriod,
            QueueLimit = limit.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
        var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        throw new ActivityException(ErrorKinds.RateLimited, "Slack: too many calls are waiting for this bot token's rate limit.", limit.ReplenishmentPeriod);
    }

    private ResiliencePipeline<HttpResponseMessage> Build(ConnectorResilienceOptions o)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = SlackApprovalOptions.ConnectorName, TimeProvider = time };
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
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, o.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            });
        }

        builder.AddTimeout(o.AttemptTimeout);
        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter) => outcome switch
    {
        { Exception: TimeoutRejectedException or HttpRequestException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => RetryAfter(outcome.Result) is not { } wait || wait <= maxRetryAfter,
        { Result: { } r } => r.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        response?.Headers.RetryAfter?.Delta is { } delta && delta >= TimeSpan.Zero ? delta : null;

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
