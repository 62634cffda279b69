using Serverless.Connectors.Resilience;

namespace Serverless.Connectors.Teams;

/// <summary>Microsoft Teams settings, bound from "Connectors:Teams". No WebhookUrl: the sandbox records the card instead.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Connectors:Teams";
    public const string ConnectorName = "Teams";

    /// <summary>Secret: the incoming webhook URL. A Workflows URL carries its signature (sig=) in the query, a legacy
    /// connector URL its keys in the path; either way the URL is the credential.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Teams throttles a webhook at a few messages per second: 4 at once, then one a second.</summary>
    public ConnectorRateLimit RateLimit { get; set; } = new() { PermitLimit = 4, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    public bool IsConfigured => !string.IsNullOrWhiteSpace(WebhookUrl);
}
