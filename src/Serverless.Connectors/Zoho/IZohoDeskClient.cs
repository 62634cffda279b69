namespace Serverless.Connectors.Zoho;

/// <summary>The Zoho Desk API v1 calls the helpdesk batch (seed 001) makes. Get one from
/// IConnectorProvider&lt;IZohoDeskClient&gt;: the real client when Connectors:Zoho is configured (in a dry run: real
/// reads, writes recorded by the sandbox), the sandbox twin (reads <see cref="ZohoSandboxData"/>, records every
/// write) otherwise.</summary>
public interface IZohoDeskClient
{
    /// <summary>GET /api/v1/tickets?departmentId&amp;status&amp;from&amp;limit&amp;sortBy&amp;include=contacts: one page (Zoho
    /// answers 204 when there is none: an empty list). An empty DepartmentId or Status is left out (every department,
    /// every status); Status may list several, comma-separated. Limit outside 1-100 or a negative From throws
    /// ArgumentOutOfRangeException before any call. Zoho's list carries no description: Description is null here,
    /// <see cref="GetTicketAsync"/> has it.</summary>
    Task<IReadOnlyList<ZohoDeskTicket>> ListTicketsAsync(ZohoTicketQuery query, CancellationToken cancellationToken);

    /// <summary>GET /api/v1/tickets/{ticketId}?include=contacts. An unknown ticket fails with ActivityException kind
    /// NotFound ("Zoho Desk has no ticket {id} (HTTP 404)"), in the sandbox too.</summary>
    Task<ZohoDeskTicket> GetTicketAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>GET /api/v1/tickets/{ticketId}/threads, then GET /api/v1/tickets/{ticketId}/threads/{threadId} for
    /// each so that <see cref="ZohoDeskThread.Content"/> is filled; oldest first.</summary>
    Task<IReadOnlyList<ZohoDeskThread>> ListThreadsAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>POST /api/v1/tickets/{ticketId}/draftReply. The content must contain <paramref name="marker"/>
    /// (ArgumentException otherwise); a DRAFT thread of the ticket that already contains it is returned instead of
    /// creating a second draft (a retried step after a crash finds its own draft). Prefer a plain-text marker: Zoho
    /// may rewrite HTML comments and attributes.</summary>
    Task<ZohoDeskThread> CreateDraftReplyAsync(string ticketId, ZohoDraftReply draft, string marker, CancellationToken cancellationToken);

    /// <summary>POST /api/v1/tickets/{ticketId}/comments with isPublic false (a note for the agents). A comment that
    /// already contains <paramref name="marker"/> is returned instead of adding a second one.</summary>
    Task<ZohoDeskComment> AddPrivateCommentAsync(string ticketId, string htmlContent, string marker, CancellationToken cancellationToken);

    /// <summary>POST /api/v1/tickets/{ticketId}/move with {"departmentId"}.</summary>
    Task MoveTicketAsync(string ticketId, string departmentId, CancellationToken cancellationToken);
}
