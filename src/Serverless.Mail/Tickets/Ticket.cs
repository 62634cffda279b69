namespace Serverless.Mail.Tickets;

/// <summary>A ticket row with the seed's columns (ID, Date, Expéditeur, Email, Sujet, Catégorie, Priorité, Statut,
/// Description, Traité par, Notes), the messages of its thread and the history of its changes.</summary>
public sealed record Ticket(
    string Id,
    DateTimeOffset Date,
    string SenderName,
    string Email,
    string Subject,
    string Category,
    string Priority,
    string Status,
    string Description,
    string? HandledBy,
    string? Notes,
    IReadOnlyList<TicketEntry> Entries,
    IReadOnlyList<TicketChange> History);

/// <summary>One message of the ticket's thread: the first one opened it, replies were appended.</summary>
public sealed record TicketEntry(DateTimeOffset Date, string MessageId, string From, string Subject, string Text);

/// <summary>One change: which field, from what, to what, when, by whom (null: the agent).</summary>
public sealed record TicketChange(DateTimeOffset At, string Field, string? From, string? To, string? By);

/// <summary>What the agent knows when it opens a ticket for a message.</summary>
public sealed record NewTicket(
    string DedupKey,
    DateTimeOffset Date,
    string SenderName,
    string Email,
    string Subject,
    string Category,
    string Priority,
    string Description,
    TicketEntry FirstEntry,
    string? HandledBy = null,
    string? Notes = null);

/// <summary>A person's change over the API; null fields are left as they are.</summary>
public sealed record TicketUpdate(string? Status, string? HandledBy, string? Notes, string? By);

public static class TicketStatuses
{
    public const string New = "Nouveau";
    public const string InProgress = "En cours";
    public const string Resolved = "Résolu";

    public static readonly IReadOnlyList<string> All = [New, InProgress, Resolved];
}

/// <summary>A page of tickets, newest first, and the token of the next page.</summary>
public sealed record TicketPage(IReadOnlyList<Ticket> Items, string? ContinuationToken);

/// <summary>The outcome of opening a ticket: the ticket, and whether this call created it (false: the message
/// already had one, which is returned).</summary>
public sealed record TicketOpened(Ticket Ticket, bool Created);

/// <summary>The outcome of appending a message to a ticket: the ticket, and whether this call appended it.</summary>
public sealed record TicketAppended(Ticket Ticket, bool Appended);
