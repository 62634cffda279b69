using Serverless.Connectors.Resilience;

namespace Serverless.Connectors.Slack;

/// <summary>Slack settings, bound from "Connectors:Slack". No WebhookUrl: the sandbox records the message instead.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Connectors:Slack";
    public const string ConnectorName = "Slack";

    /// <summary>Secret: the incoming webhook URL (https://hooks.slack.com/services/...); the URL is the credential.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Slack accepts about one message per second per webhook.</summary>
    public ConnectorRateLimit RateLimit { get; set; } = new() { PermitLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    public bool IsConfigured => !string.IsNullOrWhiteSpace(WebhookUrl);
}
