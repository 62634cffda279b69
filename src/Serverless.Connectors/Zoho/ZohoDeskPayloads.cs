using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Zoho;

/// <summary>Zoho Desk API v1 paths, request bodies and answer reading; shared by the real client and the sandbox
/// record. Paths are relative to the Desk origin (no leading slash).</summary>
internal static class ZohoDeskPayloads
{
    /// <summary>The page size used to read threads and comments (Zoho allows 1-100 for both).</summary>
    public const int ListPageSize = 100;

    public const int MaxTicketLimit = 100;

    public static string Tickets(ZohoTicketQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.From, nameof(query));
        if (query.Limit is < 1 or > MaxTicketLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"ZohoTicketQuery.Limit must be 1-{MaxTicketLimit} (Zoho's range).");
        }

        var path = new StringBuilder("api/v1/tickets?");
        Append(path, "departmentId", query.DepartmentId);
        Append(path, "status", query.Status);
        path.Append(CultureInfo.InvariantCulture, $"from={query.From}&limit={query.Limit}&");
        Append(path, "sortBy", query.SortBy);
        path.Append("include=contacts");
        return path.ToString();
    }

    public static string Ticket(string ticketId) => $"api/v1/tickets/{Id(ticketId)}?include=contacts";

    public static string Threads(string ticketId, int from) =>
        $"api/v1/tickets/{Id(ticketId)}/threads?from={from.ToString(CultureInfo.InvariantCulture)}&limit={ListPageSize}";

    public static string Thread(string ticketId, string threadId) => $"api/v1/tickets/{Id(ticketId)}/threads/{Id(threadId)}";

    public static string DraftReply(string ticketId) => $"api/v1/tickets/{Id(ticketId)}/draftReply";

    public static string Comments(string ticketId) => $"api/v1/tickets/{Id(ticketId)}/comments";

    public static string Comments(string ticketId, int from) =>
        $"{Comments(ticketId)}?from={from.ToString(CultureInfo.InvariantCulture)}&limit={ListPageSize}";

    public static string Move(string ticketId) => $"api/v1/tickets/{Id(ticketId)}/move";

    public static JsonObject DraftBody(ZohoDraftReply draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new JsonObject
        {
            ["channel"] = draft.Channel,
            ["fromEmailAddress"] = draft.FromEmailAddress,
            ["to"] = draft.To,
            ["content"] = draft.Content,
            ["contentType"] = draft.ContentType,
        };
    }

    public static JsonObject CommentBody(string htmlContent) => new() { ["isPublic"] = false, ["contentType"] = "html", ["content"] = htmlContent };

    public static JsonObject MoveBody(string departmentId) => new() { ["departmentId"] = departmentId };

    /// <summary>The marker must be in the content, or a retry could never find what the first attempt wrote.</summary>
    public static void RequireMarker(string content, string marker, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(marker);
        if (!content.Contains(marker, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {what} content must contain its idempotency marker '{marker}'.", nameof(marker));
        }
    }

    /// <summary>True when the content holds the marker as sent, or once Zoho's HTML entities are decoded.</summary>
    public static bool CarriesMarker(string? content, string marker) =>
        content is not null && (content.Contains(marker, StringComparison.Ordinal)
            || WebUtility.HtmlDecode(content).Contains(WebUtility.HtmlDecode(marker), StringComparison.Ordinal));

    public static IEnumerable<JsonNode> Data(JsonNode? answer) => (answer?["data"] as JsonArray)?.OfType<JsonNode>() ?? [];

    public static ZohoDeskTicket ReadTicket(JsonNode node)
    {
        var contact = node["contact"];
        var name = string.Join(' ', new[] { Text(contact?["firstName"]), Text(contact?["lastName"]) }.Where(p => !string.IsNullOrWhiteSpace(p))).Trim();
        return new ZohoDeskTicket(
            Required(node, "ticket"),
            Text(node["ticketNumber"]) ?? "",
            Text(node["subject"]) ?? "",
            Text(node["status"]) ?? "",
            Text(node["departmentId"]) ?? "",
            Text(node["email"]) ?? Text(contact?["email"]),
            name.Length > 0 ? name : null,
            Time(node["createdTime"]),
            Text(node["description"]));
    }

    public static ZohoDeskThread ReadThread(JsonNode node) => new(
        Required(node, "thread"),
        Text(node["channel"]) ?? "",
        Text(node["status"]) ?? "",
        Text(node["direction"]) ?? "",
        Text(node["fromEmailAddress"]),
        node["to"] is JsonArray to ? string.Join(", ", to.Select(Text).Where(t => t is not null)) : Text(node["to"]),
        Time(node["createdTime"]),
        Text(node["summary"]),
        Text(node["content"]),
        Text(node["contentType"]));

    public static ZohoDeskComment ReadComment(JsonNode node) => new(
        Required(node, "comment"),
        Text(node["content"]) ?? "",
        node["isPublic"] is JsonValue p && (p.TryGetValue<bool>(out var b) ? b : string.Equals(p.ToString(), "true", StringComparison.OrdinalIgnoreCase)),
        Time(node["commentedTime"]));

    /// <summary>A ticket as Zoho sends it (the sandbox's recorded results).</summary>
    public static JsonObject ToJson(ZohoDeskTicket ticket) => new()
    {
        ["id"] = ticket.Id,
        ["ticketNumber"] = ticket.TicketNumber,
        ["subject"] = ticket.Subject,
        ["status"] = ticket.Status,
        ["departmentId"] = ticket.DepartmentId,
        ["email"] = ticket.Email,
        ["createdTime"] = Time(ticket.CreatedTime),
        ["description"] = ticket.Description,
    };

    public static JsonObject ToJson(ZohoDeskThread thread) => new()
    {
        ["id"] = thread.Id,
        ["channel"] = thread.Channel,
        ["status"] = thread.Status,
        ["direction"] = thread.Direction,
        ["fromEmailAddress"] = thread.FromEmailAddress,
        ["to"] = thread.To,
        ["createdTime"] = Time(thread.CreatedTime),
        ["summary"] = thread.Summary,
        ["content"] = thread.Content,
        ["contentType"] = thread.ContentType,
    };

    public static JsonObject ToJson(ZohoDeskComment comment) => new()
    {
        ["id"] = comment.Id,
        ["content"] = comment.Content,
        ["isPublic"] = comment.IsPublic,
        ["commentedTime"] = Time(comment.CommentedTime),
    };

    /// <summary>Zoho's timestamp form: "2026-02-02T10:15:30.000Z".</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : DateTimeOffset.MinValue;

    private static string Required(JsonNode node, string what) =>
        Text(node["id"]) ?? throw new ActivityException(ErrorKinds.Permanent, $"{ZohoOptions.DeskName} answered a {what} without an id.");

    private static string Id(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id);
    }

    private static void Append(StringBuilder path, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            path.Append(name).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }
    }

    internal static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToString(),
        _ => null,
    };

    /// <summary>The content's text without tags, cut at 100 characters: roughly what Zoho shows as a thread's
    /// summary (the sandbox twin and the fake server both answer with it).</summary>
    internal static string Summary(string content)
    {
        var text = new System.Text.StringBuilder();
        var inTag = false;
        foreach (var c in content)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (inTag && c == '>')
            {
                inTag = false;
                text.Append(' ');
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }

        var summary = string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return summary.Length <= 100 ? summary : summary[..100];
    }
}
