using System.Threading.RateLimiting;

namespace Serverless.Connectors.Resilience;

/// <summary>One token bucket per credential hash, inside one connector's pipeline: two tokens never share a budget,
/// and the same token used by many workflows does. Idle (full) buckets are dropped by the partitioned limiter.</summary>
internal static class CredentialRateLimiter
{
    public static PartitionedRateLimiter<HttpRequestMessage> Create(ConnectorRateLimit limit)
    {
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.PermitLimit,
            TokensPerPeriod = limit.TokensPerPeriod,
            ReplenishmentPeriod = limit.ReplenishmentPeriod,
            QueueLimit = limit.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
        return PartitionedRateLimiter.Create<HttpRequestMessage, string>(
            request => RateLimitPartition.GetTokenBucketLimiter(CredentialHash.Of(CredentialOf(request)), _ => bucket));
    }

    /// <summary>The token decides the bucket; webhook-style connectors carry the secret in the URL instead.</summary>
    public static string CredentialOf(HttpRequestMessage request) =>
        request.Headers.Authorization?.ToString() ?? request.RequestUri?.GetLeftPart(UriPartial.Path) ?? "";
}
