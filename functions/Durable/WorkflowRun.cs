using Serverless.Engine.Interpreter;

namespace Serverless.Functions.Durable;

/// <summary>Input of <see cref="WorkflowOrchestrator"/>. JSON travels as text so Durable's serializer never has to
/// know the engine's polymorphic types: <see cref="StartEvent"/> is an InstanceStarted event and
/// <see cref="State"/> an InstanceState, both in EngineJson form. A state too large to travel inline is in
/// <see cref="StateBlobs"/> at <see cref="StateBlob"/> instead; <see cref="Generation"/> counts ContinueAsNew cuts.</summary>
public sealed record WorkflowRun(
    string WorkflowId,
    int? Version,
    string? StartEvent,
    string? State = null,
    bool Replay = false,
    string? StateBlob = null,
    int Generation = 0);

/// <summary>The orchestration's output when the final state is too large to be it: where the state is, and what
/// an instance listing needs without reading it (<see cref="Error"/> is null in outputs written before it existed).</summary>
public sealed record StoredFinalState(
    string StateBlob,
    string WorkflowId,
    int WorkflowVersion,
    InstanceStatus Status,
    bool DryRun,
    DateTimeOffset? EndedAt,
    ErrorInfo? Error = null);

/// <summary>Input of <see cref="RunActivityFunction"/>: one RunActivity command (EngineJson) and its instance.</summary>
public sealed record ActivityRequest(string Command, string InstanceId, string WorkflowId, bool DryRun);

/// <summary>What the activity function returns: the ActivityCompleted or ActivityFailed event (EngineJson).</summary>
public sealed record ActivityResult(string Event);

/// <summary>An emit step's message, as the EnqueueMessage activity puts it on the channel queue. <see cref="Reason"/>
/// is set only on a message parked in the poison queue by the delivery itself (nobody listens).</summary>
public sealed record ChannelMessage(string MessageId, string Channel, string? Payload, string SourceInstanceId, string? Reason = null);
