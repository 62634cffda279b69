using System.Text.Json.Nodes;
using Serverless.Connectors.Sandbox;

namespace Serverless.Connectors.Zoho;

/// <summary>Zoho Desk in sandbox mode: reads answer from <see cref="ZohoSandboxData"/> as Zoho would (a ticket that
/// is not there is NotFound, like the real client's 404; a ticket list has no description, like Zoho's), writes are
/// recorded and never change the data. Every call is recorded with the method, path and body the real one sends (no
/// token, no orgId). Drafts and comments get deterministic ids from the idempotency key and marker, and a draft or
/// comment already in the data carrying the marker is returned instead, as the real client does.</summary>
internal sealed class SandboxZohoDeskClient(SandboxRecorder recorder, ZohoSandboxData data, TimeProvider time) : IZohoDeskClient
{
    private const string Connector = ZohoOptions.ConnectorName;

    public async Task<IReadOnlyList<ZohoDeskTicket>> ListTicketsAsync(ZohoTicketQuery query, CancellationToken cancellationToken)
    {
        var path = ZohoDeskPayloads.Tickets(query);
        var statuses = string.IsNullOrWhiteSpace(query.Status) ? null : query.Status.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var matching = data.Tickets.Values
            .Where(t => string.IsNullOrWhiteSpace(query.DepartmentId) || t.DepartmentId == query.DepartmentId)
            .Where(t => statuses is null || statuses.Contains(t.Status, StringComparer.OrdinalIgnoreCase));
        var page = Sort(matching, query.SortBy).Skip(query.From).Take(query.Limit).Select(t => t with { Description = null }).ToList();
        await recorder.RecordAsync(Connector, nameof(ListTicketsAsync), Call("GET", path, null), Ids(page.Select(t => t.Id)), cancellationToken);
        return page;
    }

    public async Task<ZohoDeskTicket> GetTicketAsync(string ticketId, CancellationToken cancellationToken)
    {
        var found = data.Tickets.TryGetValue(ticketId, out var ticket);
        await recorder.RecordAsync(Connector, nameof(GetTicketAsync), Call("GET", ZohoDeskPayloads.Ticket(ticketId), null),
            found ? ZohoDeskPayloads.ToJson(ticket!) : NotFound(), cancellationToken);
        return found ? ticket! : throw ZohoDeskClient.Missing(ZohoDeskClient.TicketName(ticketId));
    }

    public async Task<IReadOnlyList<ZohoDeskThread>> ListThreadsAsync(string ticketId, CancellationToken cancellationToken)
    {
        var threads = Threads(ticketId);
        await recorder.RecordAsync(Connector, nameof(ListThreadsAsync), Call("GET", ZohoDeskPayloads.Threads(ticketId, 0), null),
            threads is null ? NotFound() : Ids(threads.Select(t => t.Id)), cancellationToken);
        return threads ?? throw ZohoDeskClient.Missing(ZohoDeskClient.TicketName(ticketId));
    }

    public async Task<ZohoDeskThread> CreateDraftReplyAsync(string ticketId, ZohoDraftReply draft, string marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ZohoDeskPayloads.RequireMarker(draft.Content, marker, "draft");
        var thread = Threads(ticketId)?.FirstOrDefault(t => t.IsDraft && ZohoDeskPayloads.CarriesMarker(t.Content, marker))
            ?? new ZohoDeskThread(SandboxIds.Numeric(recorder.Context.IdempotencyKey, $"zoho-draft:{ticketId}:{marker}"), draft.Channel, "DRAFT", "out",
                draft.FromEmailAddress, draft.To, time.GetUtcNow(), ZohoDeskPayloads.Summary(draft.Content), draft.Content, draft.ContentType);
        await recorder.RecordAsync(Connector, nameof(CreateDraftReplyAsync),
            Call("POST", ZohoDeskPayloads.DraftReply(ticketId), ZohoDeskPayloads.DraftBody(draft)), ZohoDeskPayloads.ToJson(thread), cancellationToken);
        return thread;
    }

    public async Task<ZohoDeskComment> AddPrivateCommentAsync(string ticketId, string htmlContent, string marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(htmlContent);
        ZohoDeskPayloads.RequireMarker(htmlContent, marker, "comment");
        var comment = new ZohoDeskComment(SandboxIds.Numeric(recorder.Context.IdempotencyKey, $"zoho-comment:{ticketId}:{marker}"), htmlContent, false, time.GetUtcNow());
        await recorder.RecordAsync(Connector, nameof(AddPrivateCommentAsync),
            Call("POST", ZohoDeskPayloads.Comments(ticketId), ZohoDeskPayloads.CommentBody(htmlContent)), ZohoDeskPayloads.ToJson(comment), cancellationToken);
        return comment;
    }

    public Task MoveTicketAsync(string ticketId, string departmentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentId);
        return recorder.RecordAsync(Connector, nameof(MoveTicketAsync),
            Call("POST", ZohoDeskPayloads.Move(ticketId), ZohoDeskPayloads.MoveBody(departmentId)), new JsonObject { ["status"] = 200 }, cancellationToken);
    }

    /// <summary>The ticket's threads oldest first; empty for a known ticket without any; null for an unknown ticket.</summary>
    private IReadOnlyList<ZohoDeskThread>? Threads(string ticketId) =>
        data.Threads.TryGetValue(ticketId, out var threads) ? [.. threads.OrderBy(t => t.CreatedTime).ThenBy(t => t.Id, StringComparer.Ordinal)]
        : data.Tickets.ContainsKey(ticketId) ? []
        : null;

    /// <summary>Zoho's sortBy: a field name, "-" first for descending. Unknown fields keep createdTime order.</summary>
    private static IEnumerable<ZohoDeskTicket> Sort(IEnumerable<ZohoDeskTicket> tickets, string? sortBy)
    {
        var descending = sortBy?.StartsWith('-') == true;
        var field = sortBy?.TrimStart('-') ?? "createdTime";
        Func<ZohoDeskTicket, string> key = field switch
        {
            "ticketNumber" => t => t.TicketNumber.PadLeft(20, '0'),
            "status" => t => t.Status,
            _ => t => ZohoDeskPayloads.Time(t.CreatedTime),
        };
        var sorted = descending ? tickets.OrderByDescending(key, StringComparer.Ordinal) : tickets.OrderBy(key, StringComparer.Ordinal);
        return sorted.ThenBy(t => t.Id, StringComparer.Ordinal);
    }


    private static JsonObject Call(string method, string path, JsonObject? body) =>
        new() { ["method"] = method, ["path"] = "/" + path, ["body"] = body };

    private static JsonObject Ids(IEnumerable<string> ids)
    {
        var list = new JsonArray(ids.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());
        return new JsonObject { ["count"] = list.Count, ["ids"] = list };
    }

    private static JsonObject NotFound() => new() { ["status"] = 404 };
}
