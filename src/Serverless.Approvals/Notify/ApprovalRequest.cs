using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Approvals.Notify;

/// <summary>The input the interpreter gives the notify activity when a gate opens, escalates or reminds.</summary>
public sealed record ApprovalRequest(
    string InstanceId,
    string WorkflowId,
    string GateId,
    string EventName,
    string Group,
    IReadOnlyList<string> Approvers,
    IReadOnlyList<string> Channels,
    string Subject,
    string? Body,
    JsonNode? Item,
    int Reminder,
    DateTimeOffset? DeadlineAt)
{
    public static ApprovalRequest Parse(JsonNode? input)
    {
        if (input is not JsonObject o)
        {
            throw new ActivityException(ErrorKinds.Validation, "approval.notify needs an object input.");
        }

        string Required(string name) => Text(o[name]) is { Length: > 0 } s
            ? s
            : throw new ActivityException(ErrorKinds.Validation, $"approval.notify input lacks '{name}'.");

        return new ApprovalRequest(
            Required("instanceId"),
            Text(o["workflowId"]) ?? "",
            Required("gateId"),
            Required("eventName"),
            Text(o["group"]) ?? "",
            List(o["approvers"]),
            List(o["channels"]) is { Count: > 0 } channels ? channels : ["email"],
            Text(o["subject"]) ?? o["subject"]?.ToJsonString() ?? "Approval requested",
            Text(o["body"]) ?? o["body"]?.ToJsonString(),
            o["item"]?.DeepClone(),
            o["reminder"] is JsonValue r && r.TryGetValue<int>(out var n) ? n : 0,
            DateTimeOffset.TryParse(Text(o["deadlineAt"]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static List<string> List(JsonNode? node) =>
        node is JsonArray a ? a.Select(Text).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToList() : [];
}
