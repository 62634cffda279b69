using System.Globalization;
using System.Text.Json.Nodes;

namespace Serverless.Helpdesk.Queue;

/// <summary>An entry of doc_tickets_pending.json: id, ticketNumber, subject (80 characters, as the seed cut it) and
/// createdTime (ISO 8601 UTC, which sorts as text: the list is kept newest first).</summary>
public sealed record PendingTicket(string Id, string TicketNumber, string Subject, DateTimeOffset CreatedTime)
{
    public const int SubjectLength = 80;

    public string CreatedText => CreatedTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["ticketNumber"] = TicketNumber,
        ["subject"] = Subject.Length <= SubjectLength ? Subject : Subject[..SubjectLength],
        ["createdTime"] = CreatedText,
    };

    public static PendingTicket FromJson(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new(
            body["id"]!.GetValue<string>(),
            body["ticketNumber"]?.GetValue<string>() ?? "",
            body["subject"]?.GetValue<string>() ?? "",
            DateTimeOffset.Parse(body["createdTime"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }
}
