using System.Text.Json.Nodes;

namespace Serverless.Connectors.Zoho;

/// <summary>One page request of GET /api/v1/tickets. Limit is 1-100 (Zoho's maximum), From is 0-based.</summary>
public sealed record ZohoTicketQuery(string DepartmentId, string Status, int From, int Limit, string SortBy = "-createdTime");

/// <summary>A Zoho Desk ticket: the fields the batch reads. Email is the contact's address on the ticket.</summary>
public sealed record ZohoDeskTicket(
    string Id,
    string TicketNumber,
    string Subject,
    string Status,
    string DepartmentId,
    string? Email,
    string? ContactName,
    DateTimeOffset CreatedTime,
    string? Description);

/// <summary>A thread of a ticket (an email in or out, or a draft: Status "DRAFT"). Content is HTML or plain text as
/// ContentType says; Direction is "in" (from the customer) or "out".</summary>
public sealed record ZohoDeskThread(
    string Id,
    string Channel,
    string Status,
    string Direction,
    string? FromEmailAddress,
    string? To,
    DateTimeOffset CreatedTime,
    string? Summary,
    string? Content,
    string? ContentType)
{
    public bool IsDraft => string.Equals(Status, "DRAFT", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Body of POST /api/v1/tickets/{id}/draftReply.</summary>
public sealed record ZohoDraftReply(string FromEmailAddress, string To, string Content, string ContentType = "html", string Channel = "EMAIL");

/// <summary>A ticket comment (note).</summary>
public sealed record ZohoDeskComment(string Id, string Content, bool IsPublic, DateTimeOffset CommentedTime);

/// <summary>A Zoho CRM record: its id and every field as Zoho sent it (lookups stay objects: {"name","id"}).</summary>
public sealed record ZohoRecord(string Id, JsonObject Fields)
{
    public string? Text(string field) => Fields[field] switch
    {
        JsonValue value => value.ToString(),
        JsonObject lookup => lookup["name"]?.ToString(),
        _ => null,
    };

    public string? LookupId(string field) => (Fields[field] as JsonObject)?["id"]?.ToString();
}
