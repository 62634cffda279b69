namespace Serverless.Connectors.Resilience;

/// <summary>What the shared handler needs to know about one connector: its name (logs, alerts, circuit) and the
/// per-credential rate limit.</summary>
public sealed record ConnectorPolicy(string Name, ConnectorRateLimit RateLimit);
