using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Engine.Interpreter;

/// <summary>Everything the interpreter knows about one running instance. It serializes to JSON with
/// <see cref="EngineJson.Options"/> and round-trips exactly, which is what runtimes persist between events.</summary>
public sealed class InstanceState
{
    public required string InstanceId { get; init; }
    public required string WorkflowId { get; init; }
    public int WorkflowVersion { get; init; }
    public InstanceStatus Status { get; set; } = InstanceStatus.Pending;
    public bool DryRun { get; set; }
    public JsonNode? Input { get; set; }
    public JsonObject? Trigger { get; set; }
    public JsonObject Variables { get; set; } = [];
    public JsonNode? Output { get; set; }
    public ErrorInfo? Error { get; set; }

    /// <summary>Progress a waiting instance reports (an open approval gate, for instance).</summary>
    public JsonNode? CustomStatus { get; set; }

    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>How many times the instance was replayed; ids issued after a replay carry it.</summary>
    public int Epoch { get; set; }

    public int NextFrameId { get; set; }

    /// <summary>Counter ordering pending work, so the oldest waiter receives a raised event first.</summary>
    public long NextSequence { get; set; }

    /// <summary>One record per step execution, in start order (steps inside forEach once per item).</summary>
    public List<StepRecord> Timeline { get; set; } = [];

    public List<Frame> Frames { get; set; } = [];

    /// <summary>Work the instance waits for, by correlation id (command id, timer id, child id, event wait id).</summary>
    public Dictionary<string, PendingWork> Pending { get; set; } = [];

    /// <summary>Events raised while nothing waited for them; delivered when a step starts waiting.</summary>
    public List<BufferedEvent> BufferedEvents { get; set; } = [];

    public static InstanceState Create(string instanceId, string workflowId, int workflowVersion) =>
        new() { InstanceId = instanceId, WorkflowId = workflowId, WorkflowVersion = workflowVersion };

    public bool IsFinished => Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated;

    public string ToJson() => JsonSerializer.Serialize(this, EngineJson.Options);

    public static InstanceState FromJson(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, EngineJson.Options)
        ?? throw new JsonException("Instance state is empty.");

    public InstanceState Clone() => FromJson(ToJson());
}

/// <summary>The timeline entry of one step execution.</summary>
public sealed class StepRecord
{
    /// <summary>Unique within the instance: the step id, prefixed inside forEach ("loop[2].send").</summary>
    public required string Key { get; init; }
    public required string StepId { get; init; }
    public required string Type { get; init; }
    public int FrameId { get; set; }
    public StepStatus Status { get; set; } = StepStatus.Running;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int Attempts { get; set; }
    public JsonNode? Input { get; set; }
    public JsonNode? Output { get; set; }
    public ErrorInfo? Error { get; set; }

    /// <summary>Plain-language notes: retries scheduled, fallbacks used, reminders sent.</summary>
    public List<string> Notes { get; set; } = [];

    public GateState? Gate { get; set; }
    public LoopState? Loop { get; set; }
}

/// <summary>A position in a block of steps. The root block, each if/switch branch, each forEach
/// iteration and each timeout branch runs in its own frame.</summary>
public sealed class Frame
{
    public int Id { get; init; }
    public int? ParentId { get; init; }

    /// <summary>Block name: "root", or "{stepId}.then", ".else", ".case{n}", ".default", ".body", ".onTimeout".</summary>
    public required string Block { get; init; }
    public int Index { get; set; }

    /// <summary>Prefix of the step keys created in this frame ("" at the root, "loop[2]." in an iteration).</summary>
    public string Prefix { get; init; } = "";

    /// <summary>The step record that opened this frame (null for the root).</summary>
    public string? OwnerKey { get; init; }
    public int? Iteration { get; init; }

    /// <summary>Names visible to templates in this frame and below (a forEach item and its index).</summary>
    public JsonObject? Locals { get; init; }
}

public enum PendingKind
{
    Activity,
    RetryTimer,
    WaitTimer,
    EventWait,
    EventTimeout,
    ApprovalNotify,
    ApprovalReminder,
    ApprovalDeadline,
    Child,
}

public sealed class PendingWork
{
    public required string Id { get; init; }
    public PendingKind Kind { get; init; }
    public required string StepKey { get; init; }
    public int Attempt { get; init; }
    public string? EventName { get; init; }

    /// <summary>Order of creation: the oldest waiter gets a raised event first.</summary>
    public long Sequence { get; init; }

    /// <summary>The command that created this work, re-issued as it was when a failed instance is replayed.</summary>
    public WorkflowCommand? Command { get; init; }
}

public sealed record BufferedEvent(string Name, JsonNode? Payload, DateTimeOffset ReceivedAt);

public sealed class GateState
{
    public int Group { get; set; }
    public int RemindersSent { get; set; }
    public int Notifications { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? DeadlineAt { get; set; }
    public required string EventName { get; init; }
    public JsonNode? Subject { get; set; }
    public JsonNode? Body { get; set; }
    public JsonNode? Item { get; set; }
}

public sealed class LoopState
{
    public JsonArray Items { get; set; } = [];
    public int NextIndex { get; set; }
    public int Running { get; set; }
    public int Completed { get; set; }
    public JsonArray Results { get; set; } = [];
}
