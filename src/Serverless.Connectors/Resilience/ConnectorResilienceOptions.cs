namespace Serverless.Connectors.Resilience;

/// <summary>The one resilience policy every HTTP connector runs under, bound from "Connectors:Resilience".
/// Each connector gets its own pipeline instance (its own circuit) built from these numbers.</summary>
public sealed class ConnectorResilienceOptions
{
    public const string SectionName = "Connectors:Resilience";

    /// <summary>Longest wait for one attempt before it counts as a timeout (and is retried).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for a whole call, retries and their delays included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Retries after the first attempt (the seed: "retry avec backoff exponentiel (max 3)"). 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of one backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A 429 asking to wait longer than this is not slept on inline: the call fails as RateLimited with the
    /// server's Retry-After, and the workflow's durable retry waits instead of holding a worker.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed calls (5xx, timeouts, network errors) within the sampling window that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once before letting one through.</summary>
    public TimeSpan BreakerDuration { get; set; } = TimeSpan.FromSeconds(30);
}
