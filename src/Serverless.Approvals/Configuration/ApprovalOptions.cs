using Serverless.Connectors.Resilience;

namespace Serverless.Approvals.Configuration;

/// <summary>Settings of the approval surfaces, bound from "Approvals" (Approvals__SigningKey etc.).</summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "Approvals";

    /// <summary>Secret (Key Vault in Azure): HMAC-SHA256 key of decision links, at least 32 characters.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Keys that signed links still in mailboxes after a rotation: accepted for verification, never for signing.</summary>
    public List<string> PreviousSigningKeys { get; set; } = [];

    /// <summary>Public address of this app; decision links are {BaseUrl}/api/approvals/{token}.</summary>
    public string BaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>Language of emails, Slack messages and pages: "fr" (default) or "en".</summary>
    public string Language { get; set; } = "fr";

    /// <summary>Validity of a link when the gate has no deadline (with a deadline, links expire at the deadline).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    public SlackApprovalOptions Slack { get; set; } = new();
}

/// <summary>Slack app settings, bound from "Approvals:Slack".</summary>
public sealed class SlackApprovalOptions
{
    public const string ConnectorName = "SlackWebApi";

    /// <summary>Secret: bot token (xoxb-...) for chat.postMessage and chat.update. Empty: the sandbox records the calls.</summary>
    public string? BotToken { get; set; }

    /// <summary>Secret: the app's signing secret; POST /api/slack/interactions refuses every request while it is empty.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Channel for approval requests when no approver is a channel ("#content-approvals" or an id).</summary>
    public string? Channel { get; set; }

    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>chat.postMessage allows about one message per second per channel.</summary>
    public ConnectorRateLimit RateLimit { get; set; } = new() { PermitLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BotToken);
}
