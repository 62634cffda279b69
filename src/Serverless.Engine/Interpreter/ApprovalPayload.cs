using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Interpreter;

/// <summary>The decision event an approval gate accepts: {"decision":"approved|rejected|changes_requested","comment":..,"by":..}.</summary>
internal sealed record ApprovalPayload(string Decision, string? Comment, string? By)
{
    public static ApprovalPayload? Parse(JsonNode? payload)
    {
        if (payload is not JsonObject obj || obj["decision"] is not JsonValue value || !value.TryGetValue<string>(out var raw))
        {
            return null;
        }

        string? decision = raw.Trim().ToLowerInvariant() switch
        {
            "approved" or "approve" => ApprovalDecisions.Approved,
            "rejected" or "reject" => ApprovalDecisions.Rejected,
            "changes_requested" or "request_changes" or "changes" => ApprovalDecisions.ChangesRequested,
            _ => null,
        };
        return decision is null ? null : new ApprovalPayload(decision, Text(obj, "comment"), Text(obj, "by"));
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
