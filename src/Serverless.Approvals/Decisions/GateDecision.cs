using System.Text.Json.Nodes;

namespace Serverless.Approvals.Decisions;

/// <summary>The outcome of a gate as people see it: who decided what, when, through which surface
/// ("email", "slack", or "workflow" when the gate closed on its own or by another route).</summary>
public sealed record GateDecision(
    string Decision,
    string? Comment,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string Via,
    bool TimedOut = false)
{
    public JsonObject ToJson() => new()
    {
        ["decision"] = Decision,
        ["comment"] = Comment,
        ["decidedBy"] = DecidedBy,
        ["decidedAt"] = DecidedAt?.ToString("O"),
        ["via"] = Via,
        ["timedOut"] = TimedOut,
    };

    /// <summary>Reads the approval step's output {decision, comment, decidedBy, decidedAt, timedOut}.</summary>
    public static GateDecision FromStepOutput(JsonNode? output) => new(
        Text(output?["decision"]) ?? "unknown",
        Text(output?["comment"]),
        Text(output?["decidedBy"]),
        DateTimeOffset.TryParse(Text(output?["decidedAt"]), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        "workflow",
        output?["timedOut"] is JsonValue t && t.TryGetValue<bool>(out var timedOut) && timedOut);

    internal static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
