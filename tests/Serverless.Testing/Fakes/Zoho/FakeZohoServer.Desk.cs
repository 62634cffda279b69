using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Serverless.Connectors.Zoho;

namespace Serverless.Testing.Fakes.Zoho;

/// <summary>Zoho Desk API v1: tickets (list with departmentId, status, from, limit 1-100, sortBy, include=contacts;
/// 204 when the page is empty; the list has no description, a single ticket has), threads (listed newest first
/// without content, each readable with its content), draftReply, comments (list and add) and move. Errors are
/// {"errorCode","message"}: 404 for an unknown ticket, 422 for a parameter out of range or a missing field.</summary>
public sealed partial class FakeZohoServer
{
    private readonly ConcurrentDictionary<string, TicketState> _tickets = new(StringComparer.Ordinal);

    /// <summary>Seeds a ticket and its threads (a thread's Content is what GET .../threads/{id} answers).</summary>
    public void AddTicket(ZohoDeskTicket ticket, IEnumerable<ZohoDeskThread>? threads = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var state = new TicketState(ticket);
        state.Threads.AddRange(threads ?? []);
        _tickets[ticket.Id] = state;
    }

    public void AddComment(string ticketId, ZohoDeskComment comment)
    {
        var state = _tickets[ticketId];
        lock (state)
        {
            state.Comments.Add(comment);
        }
    }

    /// <summary>The ticket as it is now (a move changes its department).</summary>
    public ZohoDeskTicket Ticket(string ticketId)
    {
        var state = _tickets[ticketId];
        lock (state)
        {
            return state.Ticket;
        }
    }

    /// <summary>The ticket's threads in the order they were added (drafts created through the API included).</summary>
    public IReadOnlyList<ZohoDeskThread> ThreadsOf(string ticketId)
    {
        var state = _tickets[ticketId];
        lock (state)
        {
            return [.. state.Threads];
        }
    }

    public IReadOnlyList<ZohoDeskComment> CommentsOf(string ticketId)
    {
        var state = _tickets[ticketId];
        lock (state)
        {
            return [.. state.Comments];
        }
    }

    private void MapDesk(WebApplication app)
    {
        app.MapGet("/api/v1/tickets", (HttpContext c) => DeskCall(c, null, _ => ListTickets(c.Request.Query)));
        app.MapGet("/api/v1/tickets/{id}", (HttpContext c, string id) =>
            DeskCall(c, id, s => Json(200, TicketJson(s.Ticket, withDescription: true, Includes(c.Request.Query, "contacts")))));
        app.MapGet("/api/v1/tickets/{id}/threads", (HttpContext c, string id) => DeskCall(c, id, s => ListThreads(s, c.Request.Query)));
        app.MapGet("/api/v1/tickets/{id}/threads/{threadId}", (HttpContext c, string id, string threadId) => DeskCall(c, id, s =>
            s.Threads.FirstOrDefault(t => t.Id == threadId) is { } thread
                ? Json(200, ThreadJson(thread, withContent: true))
                : Json(404, DeskError("URL_NOT_FOUND", $"No thread {threadId} in ticket {id}."))));
        app.MapPost("/api/v1/tickets/{id}/draftReply", (HttpContext c, string id) => DeskCall(c, id, s => CreateDraft(s, Body(c))));
        app.MapGet("/api/v1/tickets/{id}/comments", (HttpContext c, string id) => DeskCall(c, id, s => ListComments(s, c.Request.Query)));
        app.MapPost("/api/v1/tickets/{id}/comments", (HttpContext c, string id) => DeskCall(c, id, s => AddComment(s, Body(c))));
        app.MapPost("/api/v1/tickets/{id}/move", (HttpContext c, string id) => DeskCall(c, id, s => Move(s, Body(c))));
    }

    /// <summary>Checks the token and orgId, finds the ticket (when <paramref name="ticketId"/> is given) and runs the
    /// handler under the ticket's lock.</summary>
    private IResult DeskCall(HttpContext context, string? ticketId, Func<TicketState, IResult> handle)
    {
        if (Unauthorized(context, crm: false) is { } refused)
        {
            return refused;
        }

        if (context.Request.Headers["orgId"].ToString() != OrgId)
        {
            return Json(400, DeskError("INVALID_DATA", "The value passed for the 'orgId' header is missing or is not an organization of this user."));
        }

        if (ticketId is null)
        {
            return handle(null!);
        }

        if (!_tickets.TryGetValue(ticketId, out var state))
        {
            return Json(404, DeskError("URL_NOT_FOUND", "The URL you requested could not be found."));
        }

        lock (state)
        {
            return handle(state);
        }
    }

    private IResult ListTickets(IQueryCollection query)
    {
        if (Range(query, "from", 0, int.MaxValue, 0, out var from) is { } badFrom)
        {
            return badFrom;
        }

        if (Range(query, "limit", 1, 100, 10, out var limit) is { } badLimit)
        {
            return badLimit;
        }

        var sortBy = query["sortBy"].ToString();
        var field = sortBy.TrimStart('-');
        if (field.Length > 0 && field is not ("createdTime" or "modifiedTime" or "ticketNumber"))
        {
            return Json(422, DeskError("UNPROCESSABLE_ENTITY", $"The value passed for field 'sortBy' is invalid: {sortBy}."));
        }

        var departmentId = query["departmentId"].ToString();
        var statuses = query["status"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var tickets = new List<ZohoDeskTicket>();
        foreach (var state in _tickets.Values)
        {
            lock (state)
            {
                tickets.Add(state.Ticket);
            }
        }

        var matching = tickets
            .Where(t => departmentId.Length == 0 || t.DepartmentId == departmentId)
            .Where(t => statuses.Length == 0 || statuses.Contains(t.Status, StringComparer.OrdinalIgnoreCase));
        Func<ZohoDeskTicket, string> key = field == "ticketNumber" ? t => t.TicketNumber.PadLeft(20, '0') : t => Time(t.CreatedTime);
        var sorted = sortBy.StartsWith('-') ? matching.OrderByDescending(key, StringComparer.Ordinal) : matching.OrderBy(key, StringComparer.Ordinal);
        var page = sorted.ThenBy(t => t.Id, StringComparer.Ordinal).Skip(from).Take(limit).ToList();
        if (page.Count == 0)
        {
            return Results.NoContent();
        }

        var contacts = Includes(query, "contacts");
        return Json(200, new JsonObject { ["data"] = new JsonArray([.. page.Select(t => (JsonNode)TicketJson(t, withDescription: false, contacts))]) });
    }

    private static IResult ListThreads(TicketState state, IQueryCollection query)
    {
        if (Range(query, "from", 0, int.MaxValue, 0, out var from) is { } badFrom)
        {
            return badFrom;
        }

        if (Range(query, "limit", 1, 200, 50, out var limit) is { } badLimit)
        {
            return badLimit;
        }

        var page = state.Threads.OrderByDescending(t => t.CreatedTime).ThenByDescending(t => t.Id, StringComparer.Ordinal).Skip(from).Take(limit).ToList();
        return page.Count == 0
            ? Results.NoContent()
            : Json(200, new JsonObject { ["data"] = new JsonArray([.. page.Select(t => (JsonNode)ThreadJson(t, withContent: false))]) });
    }

    private static IResult ListComments(TicketState state, IQueryCollection query)
    {
        if (Range(query, "from", 0, int.MaxValue, 0, out var from) is { } badFrom)
        {
            return badFrom;
        }

        if (Range(query, "limit", 1, 100, 50, out var limit) is { } badLimit)
        {
            return badLimit;
        }

        var page = state.Comments.OrderByDescending(c => c.CommentedTime).Skip(from).Take(limit).ToList();
        return page.Count == 0
            ? Results.NoContent()
            : Json(200, new JsonObject { ["data"] = new JsonArray([.. page.Select(c => (JsonNode)CommentJson(c))]) });
    }

    private IResult CreateDraft(TicketState state, string text)
    {
        if (ParseObject(text) is not { } body)
        {
            return Json(422, DeskError("UNPROCESSABLE_ENTITY", "The request body is not a JSON object."));
        }

        foreach (var field in new[] { "channel", "fromEmailAddress", "content" })
        {
            if (string.IsNullOrWhiteSpace(body[field]?.ToString()))
            {
                return Json(422, DeskError("UNPROCESSABLE_ENTITY", $"The field '{field}' is mandatory."));
            }
        }

        var content = body["content"]!.ToString();
        var html = body["contentType"]?.ToString() is null or "html";
        var thread = new ZohoDeskThread(NextId(), body["channel"]!.ToString(), "DRAFT", "out", body["fromEmailAddress"]!.ToString(),
            body["to"]?.ToString(), Clock.GetUtcNow(), ZohoDeskPayloads.Summary(content), content, html ? "text/html" : "text/plain");
        state.Threads.Add(thread);
        Drafts.Enqueue(new FakeZohoDraft(state.Ticket.Id, thread, body));
        return Json(200, ThreadJson(thread, withContent: true));
    }

    private IResult AddComment(TicketState state, string text)
    {
        if (ParseObject(text) is not { } body || string.IsNullOrWhiteSpace(body["content"]?.ToString()))
        {
            return Json(422, DeskError("UNPROCESSABLE_ENTITY", "The field 'content' is mandatory."));
        }

        var isPublic = body["isPublic"] is JsonValue p && p.TryGetValue<bool>(out var b) ? b : true;
        var comment = new ZohoDeskComment(NextId(), body["content"]!.ToString(), isPublic, Clock.GetUtcNow());
        state.Comments.Add(comment);
        Comments.Enqueue(new FakeZohoComment(state.Ticket.Id, comment, body));
        return Json(200, CommentJson(comment));
    }

    private IResult Move(TicketState state, string text)
    {
        if (ParseObject(text)?["departmentId"]?.ToString() is not { Length: > 0 } departmentId)
        {
            return Json(422, DeskError("UNPROCESSABLE_ENTITY", "The field 'departmentId' is mandatory."));
        }

        Moves.Enqueue(new FakeZohoMove(state.Ticket.Id, state.Ticket.DepartmentId, departmentId));
        state.Ticket = state.Ticket with { DepartmentId = departmentId };
        return Results.Ok();
    }

    private static JsonObject TicketJson(ZohoDeskTicket ticket, bool withDescription, bool contacts)
    {
        var json = new JsonObject
        {
            ["id"] = ticket.Id,
            ["ticketNumber"] = ticket.TicketNumber,
            ["subject"] = ticket.Subject,
            ["status"] = ticket.Status,
            ["statusType"] = ticket.Status is "Closed" ? "Closed" : "Open",
            ["departmentId"] = ticket.DepartmentId,
            ["email"] = ticket.Email,
            ["contactId"] = $"{ticket.Id}0",
            ["channel"] = "Email",
            ["createdTime"] = Time(ticket.CreatedTime),
            ["webUrl"] = $"https://desk.zoho.com/support/fake/ShowHomePage.do#Cases/dv/{ticket.Id}",
        };
        if (withDescription)
        {
            json["description"] = ticket.Description;
        }

        if (contacts)
        {
            var name = ticket.ContactName?.Trim() ?? "";
            var space = name.LastIndexOf(' ');
            json["contact"] = new JsonObject
            {
                ["id"] = $"{ticket.Id}0",
                ["firstName"] = space < 0 ? null : name[..space],
                ["lastName"] = space < 0 ? name : name[(space + 1)..],
                ["email"] = ticket.Email,
            };
        }

        return json;
    }

    private static JsonObject ThreadJson(ZohoDeskThread thread, bool withContent)
    {
        var json = new JsonObject
        {
            ["id"] = thread.Id,
            ["channel"] = thread.Channel,
            ["status"] = thread.Status,
            ["direction"] = thread.Direction,
            ["fromEmailAddress"] = thread.FromEmailAddress,
            ["to"] = thread.To,
            ["createdTime"] = Time(thread.CreatedTime),
            ["summary"] = thread.Summary ?? ZohoDeskPayloads.Summary(thread.Content ?? ""),
            ["contentType"] = thread.ContentType,
        };
        if (withContent)
        {
            json["content"] = thread.Content;
        }

        return json;
    }

    private static JsonObject CommentJson(ZohoDeskComment comment) => new()
    {
        ["id"] = comment.Id,
        ["content"] = comment.Content,
        ["contentType"] = "html",
        ["isPublic"] = comment.IsPublic,
        ["commentedTime"] = Time(comment.CommentedTime),
    };

    private static bool Includes(IQueryCollection query, string what) =>
        query["include"].ToString().Split(',', StringSplitOptions.TrimEntries).Contains(what, StringComparer.Ordinal);

    private static IResult? Range(IQueryCollection query, string name, int min, int max, int fallback, out int value)
    {
        value = fallback;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            return Json(422, DeskError("UNPROCESSABLE_ENTITY", max == int.MaxValue
                ? $"The value passed for field '{name}' must be at least {min}."
                : $"The value passed for field '{name}' exceeds the range of '{min}-{max}'."));
        }

        return null;
    }

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }


    private sealed class TicketState(ZohoDeskTicket ticket)
    {
        public ZohoDeskTicket Ticket { get; set; } = ticket;

        public List<ZohoDeskThread> Threads { get; } = [];

        public List<ZohoDeskComment> Comments { get; } = [];
    }
}
