namespace Serverless.Mail.Agent;

/// <summary>Settings "Mail:Agent": who hears about tickets, and where the ticket rows are mirrored.</summary>
public sealed class MailAgentOptions
{
    public const string SectionName = "Mail:Agent";

    /// <summary>The team's addresses: each new ticket (and each reply appended, with <see cref="NotifyOnReply"/>) is
    /// emailed to them. Empty: no team email.</summary>
    public List<string> TeamRecipients { get; init; } = [];

    /// <summary>Priorities that are also posted to Slack (Connectors:Slack), the seed's "notifications critiques".</summary>
    public List<string> SlackPriorities { get; init; } = [];

    /// <summary>Priorities that are also posted to Microsoft Teams (Connectors:Teams, an incoming webhook / Workflows URL).</summary>
    public List<string> TeamsPriorities { get; init; } = [];

    /// <summary>Email the team when a reply joins an existing ticket.</summary>
    public bool NotifyOnReply { get; init; } = true;

    /// <summary>Send the sender an acknowledgement carrying the ticket number in its subject ([TKT-2026-000123]), so
    /// their replies thread. Never sent to an address that bounced, nor for screened mail.</summary>
    public bool AcknowledgeSender { get; init; }

    /// <summary>Who a new ticket of a category is handled by (the seed's "Traité par"), e.g. Technique: "Équipe technique".</summary>
    public Dictionary<string, string> Assignees { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The longest description kept in a ticket; the rest of the body is cut with a note.</summary>
    public int MaxDescriptionChars { get; init; } = 20_000;

    /// <summary>Whether a daily statistics message is sent to the team, and when (UTC).</summary>
    public bool DailyStatistics { get; init; } = true;

    public TimeSpan DailyStatisticsAt { get; init; } = TimeSpan.FromHours(7);
}
