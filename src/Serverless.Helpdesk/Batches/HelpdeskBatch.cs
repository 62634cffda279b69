using System.Text.Json.Nodes;

namespace Serverless.Helpdesk.Batches;

/// <summary>A batch as stored (helpdesk-batches, partition "batches"): what was asked, the tickets it took (in order)
/// and, once finished, its summary.</summary>
public sealed record HelpdeskBatch(
    string Id,
    int Requested,
    bool DryRun,
    double DelaySeconds,
    string? TicketId,
    IReadOnlyList<Queue.PendingTicket> Tickets,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    JsonObject? Summary)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["requested"] = Requested,
        ["dry_run"] = DryRun,
        ["delay"] = DelaySeconds,
        ["ticket"] = TicketId,
        ["tickets"] = new JsonArray(Tickets.Select(t => (JsonNode?)t.ToJson()).ToArray()),
        ["started_at"] = StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["finished_at"] = FinishedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["summary"] = Summary?.DeepClone(),
    };

    public static HelpdeskBatch FromJson(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new(
            body["id"]!.GetValue<string>(),
            body["requested"]?.GetValue<int>() ?? 0,
            body["dry_run"]?.GetValue<bool>() ?? false,
            body["delay"]?.GetValue<double>() ?? 0,
            body["ticket"]?.GetValue<string>(),
            (body["tickets"] as JsonArray ?? []).OfType<JsonObject>().Select(Queue.PendingTicket.FromJson).ToList(),
            DateTimeOffset.Parse(body["started_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            body["finished_at"]?.GetValue<string>() is { } f ? DateTimeOffset.Parse(f, System.Globalization.CultureInfo.InvariantCulture) : null,
            body["summary"] as JsonObject);
    }
}
