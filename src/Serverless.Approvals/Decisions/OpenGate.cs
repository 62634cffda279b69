using System.Text.Json.Nodes;

namespace Serverless.Approvals.Decisions;

/// <summary>A gate waiting for a decision, as the runtime holds it (timeline record of the approval step).</summary>
public sealed record OpenGate(
    string InstanceId,
    string WorkflowId,
    string GateId,
    string EventName,
    string? Subject,
    string? Body,
    JsonNode? Item,
    DateTimeOffset OpenedAt,
    DateTimeOffset? DeadlineAt,
    int RemindersSent,
    string? Group,
    bool DryRun);
