using System.Text.Json.Nodes;

namespace Serverless.Helpdesk.Queue;

/// <summary>An entry of doc_tickets_processed.json, the seed's fields plus the batch and the reason of a failure.</summary>
public sealed record ProcessedTicket(
    string Id,
    DateTimeOffset ProcessedAt,
    bool Success,
    string WorkflowStage,
    string? TriageAction,
    string? PrimaryIntent,
    bool DraftCreated,
    string BatchId,
    string? Error)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["processed_at"] = ProcessedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        ["success"] = Success,
        ["workflow_stage"] = WorkflowStage,
        ["triage_action"] = TriageAction,
        ["primary_intent"] = PrimaryIntent,
        ["draft_created"] = DraftCreated,
        ["batch_id"] = BatchId,
        ["error"] = Error,
    };
}
