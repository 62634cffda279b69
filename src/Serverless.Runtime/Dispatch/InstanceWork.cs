using Serverless.Engine.Interpreter;

namespace Serverless.Runtime.Dispatch;

/// <summary>One instance's share of a batch: the events to apply in order, then what applying them produced.</summary>
internal sealed class InstanceWork(string instanceId, InstanceEntry entry, bool isNew)
{
    public string InstanceId { get; } = instanceId;
    public InstanceEntry Entry { get; } = entry;
    public bool IsNew { get; } = isNew;
    public bool WasFinished { get; } = !isNew && entry.State.IsFinished;
    public string? IdempotencyKey { get; init; }
    public List<WorkflowEvent> Events { get; } = [];
    public List<WorkflowCommand> Commands { get; } = [];

    /// <summary>Serialized alongside <see cref="Commands"/> on the apply threads, off the writer's path.</summary>
    public List<string> CommandJson { get; } = [];
    public string? StateJson { get; set; }
    public List<StepRecord>? EndedSteps { get; set; }
}
