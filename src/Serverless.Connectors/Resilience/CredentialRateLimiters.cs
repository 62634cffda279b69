using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Resilience;

/// <summary>One token bucket per (connector, credential hash): two tokens never share a budget, and the same token
/// used by many workflows does.</summary>
internal sealed class CredentialRateLimiters : IDisposable
{
    private readonly ConcurrentDictionary<string, RateLimiter> _limiters = new(StringComparer.Ordinal);

    public int Count => _limiters.Count;

    public async ValueTask<RateLimitLease> AcquireAsync(ConnectorPolicy policy, string credential, CancellationToken cancellationToken)
    {
        var key = $"{policy.Name}:{CredentialHash.Of(credential)}";
        var limiter = _limiters.GetOrAdd(key, _ => Create(policy.RateLimit));
        var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            return lease;
        }

        TimeSpan? retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : policy.RateLimit.ReplenishmentPeriod;
        lease.Dispose();
        throw new ActivityException(ErrorKinds.RateLimited,
            $"{policy.Name}: too many calls are waiting for this credential's rate limit; try again later.", retryAfter);
    }

    private static TokenBucketRateLimiter Create(ConnectorRateLimit limit) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = limit.PermitLimit,
        TokensPerPeriod = limit.TokensPerPeriod,
        ReplenishmentPeriod = limit.ReplenishmentPeriod,
        QueueLimit = limit.QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }

        _limiters.Clear();
    }
}
