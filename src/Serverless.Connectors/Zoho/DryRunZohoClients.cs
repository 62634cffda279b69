namespace Serverless.Connectors.Zoho;

/// <summary>Zoho Desk in a dry run on a configured account: tickets and threads are read from Zoho (a dry run of a
/// batch must decide on the real backlog), drafts, notes and moves go to the sandbox twin, which records them and
/// writes nothing.</summary>
internal sealed class DryRunZohoDeskClient(IZohoDeskClient real, IZohoDeskClient sandbox) : IZohoDeskClient
{
    public Task<IReadOnlyList<ZohoDeskTicket>> ListTicketsAsync(ZohoTicketQuery query, CancellationToken cancellationToken) =>
        real.ListTicketsAsync(query, cancellationToken);

    public Task<ZohoDeskTicket> GetTicketAsync(string ticketId, CancellationToken cancellationToken) => real.GetTicketAsync(ticketId, cancellationToken);

    public Task<IReadOnlyList<ZohoDeskThread>> ListThreadsAsync(string ticketId, CancellationToken cancellationToken) =>
        real.ListThreadsAsync(ticketId, cancellationToken);

    public Task<ZohoDeskThread> CreateDraftReplyAsync(string ticketId, ZohoDraftReply draft, string marker, CancellationToken cancellationToken) =>
        sandbox.CreateDraftReplyAsync(ticketId, draft, marker, cancellationToken);

    public Task<ZohoDeskComment> AddPrivateCommentAsync(string ticketId, string htmlContent, string marker, CancellationToken cancellationToken) =>
        sandbox.AddPrivateCommentAsync(ticketId, htmlContent, marker, cancellationToken);

    public Task MoveTicketAsync(string ticketId, string departmentId, CancellationToken cancellationToken) =>
        sandbox.MoveTicketAsync(ticketId, departmentId, cancellationToken);
}

/// <summary>Zoho CRM in a dry run on a configured account: searches and reads from Zoho, updates recorded by the
/// sandbox twin.</summary>
internal sealed class DryRunZohoCrmClient(IZohoCrmClient real, IZohoCrmClient sandbox) : IZohoCrmClient
{
    public Task<IReadOnlyList<ZohoRecord>> SearchAsync(string module, string criteria, int maxRecords, CancellationToken cancellationToken) =>
        real.SearchAsync(module, criteria, maxRecords, cancellationToken);

    public Task<ZohoRecord?> GetAsync(string module, string id, CancellationToken cancellationToken) => real.GetAsync(module, id, cancellationToken);

    public Task UpdateAsync(string module, string id, System.Text.Json.Nodes.JsonObject fields, CancellationToken cancellationToken) =>
        sandbox.UpdateAsync(module, id, fields, cancellationToken);
}
