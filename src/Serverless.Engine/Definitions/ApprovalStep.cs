using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Serverless.Engine.Definitions;

/// <summary>
/// A human decision gate. Opening it runs <see cref="NotifyActivity"/> for the first approver group; reminders
/// re-run it at <see cref="ApprovalReminder.Interval"/> up to <see cref="ApprovalReminder.Max"/> times; the
/// decision arrives as the event named by <c>ApprovalGate.EventName</c>; at the deadline
/// <see cref="OnTimeout"/> applies.
/// </summary>
public sealed record ApprovalStep : Step
{
    public IReadOnlyList<ApproverGroup> Approvers { get; init; } = [];
    public IReadOnlyList<string> Channels { get; init; } = ["email"];

    /// <summary>Title and body templates of the request sent to approvers.</summary>
    public ApprovalMessage Message { get; init; } = new();

    /// <summary>Template of the item being approved (shown as the preview).</summary>
    public JsonNode? Item { get; init; }

    public ApprovalReminder? Reminder { get; init; }
    public string? Deadline { get; init; }
    public string OnTimeout { get; init; } = ApprovalTimeoutPolicies.Reject;
    public string NotifyActivity { get; init; } = "approval.notify";

    [JsonIgnore]
    public override string Type => StepTypes.Approval;
}

public sealed record ApproverGroup
{
    public required string Name { get; init; }
    public IReadOnlyList<string> Members { get; init; } = [];
}

public sealed record ApprovalMessage
{
    public string Subject { get; init; } = "Approval requested";
    public string? Body { get; init; }
}

public sealed record ApprovalReminder
{
    public required string Interval { get; init; }
    public int Max { get; init; } = 3;
}

public static class ApprovalTimeoutPolicies
{
    public const string Reject = "reject";
    public const string Escalate = "escalate";
    public const string Continue = "continue";
    public static readonly IReadOnlyList<string> All = [Reject, Escalate, Continue];
}

public static class ApprovalDecisions
{
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string ChangesRequested = "changes_requested";
    public const string TimedOut = "timed_out";
    public static readonly IReadOnlyList<string> Human = [Approved, Rejected, ChangesRequested];
}
