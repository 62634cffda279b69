namespace Serverless.Connectors.Resilience;

/// <summary>Client-side token bucket applied per credential (one bucket per token, keyed by its hash), so this
/// process stays under the provider's per-token limit instead of collecting 429s.</summary>
public sealed class ConnectorRateLimit
{
    /// <summary>Bucket size: requests that may go out at once after a quiet period.</summary>
    public int PermitLimit { get; set; } = 10;

    /// <summary>Tokens added every <see cref="ReplenishmentPeriod"/>.</summary>
    public int TokensPerPeriod { get; set; } = 10;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests that may wait for a token; beyond that a call fails at once as RateLimited.</summary>
    public int QueueLimit { get; set; } = 100;

    internal IEnumerable<string> Problems(string section)
    {
        if (PermitLimit < 1)
        {
            yield return $"{section}:RateLimit:PermitLimit must be at least 1 (was {PermitLimit}).";
        }

        if (TokensPerPeriod < 1)
        {
            yield return $"{section}:RateLimit:TokensPerPeriod must be at least 1 (was {TokensPerPeriod}).";
        }

        if (ReplenishmentPeriod <= TimeSpan.Zero)
        {
            yield return $"{section}:RateLimit:ReplenishmentPeriod must be positive (was {ReplenishmentPeriod}).";
        }

        if (QueueLimit < 0)
        {
            yield return $"{section}:RateLimit:QueueLimit must not be negative (was {QueueLimit}).";
        }
    }
}
