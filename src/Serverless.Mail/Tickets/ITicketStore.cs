namespace Serverless.Mail.Tickets;

/// <summary>Where tickets live. <see cref="TableTicketStore"/> serves both hosts over the table store: SQLite in the
/// embedded host, Azure Table storage in Azure (Storage:Tables:Provider).</summary>
public interface ITicketStore
{
    /// <summary>Opens the ticket of a message exactly once: a second call with the same dedup key, from any host,
    /// returns the first ticket.</summary>
    Task<TicketOpened> OpenAsync(NewTicket ticket, CancellationToken cancellationToken);

    Task<Ticket?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The ticket a message belongs to, by one of its message ids; null when none.</summary>
    Task<Ticket?> FindByMessageAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Tickets newest first, optionally of one status, category or priority.</summary>
    Task<TicketPage> ListAsync(TicketFilter filter, int limit, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>Appends a message of the thread to a ticket once: the same message (dedup key) appended again returns
    /// the ticket unchanged. A resolved ticket is reopened (En cours). Null when there is no such ticket.</summary>
    Task<TicketAppended?> AppendAsync(string id, string dedupKey, TicketEntry entry, CancellationToken cancellationToken);

    /// <summary>Applies a person's change, recording each changed field in the history; null when there is no such ticket.</summary>
    Task<Ticket?> UpdateAsync(string id, TicketUpdate update, CancellationToken cancellationToken);
}

public sealed record TicketFilter(string? Status = null, string? Category = null, string? Priority = null)
{
    public bool Matches(Ticket ticket) =>
        (Status is null || string.Equals(ticket.Status, Status, StringComparison.OrdinalIgnoreCase))
        && (Category is null || string.Equals(ticket.Category, Category, StringComparison.OrdinalIgnoreCase))
        && (Priority is null || string.Equals(ticket.Priority, Priority, StringComparison.OrdinalIgnoreCase));
}
