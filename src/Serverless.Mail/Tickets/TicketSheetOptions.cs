namespace Serverless.Mail.Tickets;

/// <summary>Settings "Mail:Sheet": the seed's Google Sheet of tickets, kept as a mirror of the ticket store (the
/// store stays the source of truth). Off by default; on, the spreadsheet and its service account are
/// Connectors:GoogleSheets, and without them (or in a dry run) the sandbox records each write.</summary>
public sealed class TicketSheetOptions
{
    public const string SectionName = "Mail:Sheet";

    public bool Enabled { get; init; }

    /// <summary>The tab that holds one row per ticket, columns A to K in the seed's order (ID first).</summary>
    public string Sheet { get; init; } = "Tickets";
}
