using System.Text.Json.Nodes;
using Serverless.Connectors.Zoho;

namespace Serverless.Testing.Fakes.Zoho;

/// <summary>A request the fake received (Body: the raw text, empty for GET; At: the wall clock, for measuring waits).</summary>
public sealed record FakeZohoRequest(string Method, string Path, string Query, string? Authorization, string? OrgId, string Body, DateTimeOffset At);

/// <summary>A draft reply the fake created: the DRAFT thread it added to the ticket, and the body it was sent.</summary>
public sealed record FakeZohoDraft(string TicketId, ZohoDeskThread Thread, JsonObject Body);

/// <summary>A comment the fake added to a ticket, and the body it was sent.</summary>
public sealed record FakeZohoComment(string TicketId, ZohoDeskComment Comment, JsonObject Body);

/// <summary>A ticket the fake moved from one department to another.</summary>
public sealed record FakeZohoMove(string TicketId, string FromDepartmentId, string ToDepartmentId);

/// <summary>A CRM update the fake received: the fields sent (data[0]) and whether it applied them.</summary>
public sealed record FakeZohoUpdate(string Module, string Id, JsonObject Fields, bool Applied);

/// <summary>Scripted failures (<see cref="FakeZohoServer.Fail"/>); the body is shaped like the API the path belongs to
/// (Desk {"errorCode","message"}, CRM {"code","details","message","status"}, accounts {"error"}).</summary>
public enum FakeZohoFault
{
    /// <summary>429 with Retry-After.</summary>
    TooManyRequests,

    /// <summary>401, as for a token Zoho no longer accepts (Desk: INVALID_OAUTH; CRM: INVALID_TOKEN).</summary>
    InvalidToken,

    /// <summary>500.</summary>
    ServerError,
}
