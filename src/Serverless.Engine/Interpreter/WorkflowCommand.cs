using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Serverless.Engine.Interpreter;

/// <summary>What the interpreter asks its runtime to do. Every id in a command is derived from the
/// instance id and the step, so a command issued again after a crash carries the same ids.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RunActivity), "runActivity")]
[JsonDerivedType(typeof(StartTimer), "startTimer")]
[JsonDerivedType(typeof(WaitForEvent), "waitForEvent")]
[JsonDerivedType(typeof(StartChild), "startChild")]
[JsonDerivedType(typeof(EmitMessage), "emit")]
[JsonDerivedType(typeof(CompleteInstance), "complete")]
[JsonDerivedType(typeof(FailInstance), "fail")]
public abstract record WorkflowCommand;

/// <summary>Run an activity; report <see cref="ActivityCompleted"/> or <see cref="ActivityFailed"/> with
/// <see cref="CommandId"/>. <see cref="IdempotencyKey"/> is the same for every attempt of the same step
/// execution, so a connector can de-duplicate writes across retries and crashes.</summary>
public sealed record RunActivity(
    string CommandId,
    string Activity,
    JsonNode? Input,
    string IdempotencyKey,
    int Attempt,
    TimeSpan? Timeout,
    string StepKey) : WorkflowCommand;

/// <summary>Report <see cref="TimerFired"/> with <see cref="TimerId"/> at or after <see cref="DueAt"/>.</summary>
public sealed record StartTimer(string TimerId, DateTimeOffset DueAt, string StepKey) : WorkflowCommand;

/// <summary>The instance now waits for an event of this name (deliver it with <see cref="EventRaised"/>).
/// Informational for runtimes that buffer events themselves; Durable Functions maps it to WaitForExternalEvent.</summary>
public sealed record WaitForEvent(string EventName, string StepKey, DateTimeOffset? TimeoutAt) : WorkflowCommand;

/// <summary>Start another workflow as a child; report <see cref="ChildCompleted"/> or <see cref="ChildFailed"/>.</summary>
public sealed record StartChild(string ChildInstanceId, string WorkflowId, int? Version, JsonNode? Input, string StepKey) : WorkflowCommand;

/// <summary>Publish a message on a channel (fire and forget, delivered at least once; <see cref="MessageId"/> de-duplicates).</summary>
public sealed record EmitMessage(string MessageId, string Channel, JsonNode? Payload) : WorkflowCommand;

/// <summary>The instance finished. <see cref="Status"/> is Completed or Terminated.</summary>
public sealed record CompleteInstance(InstanceStatus Status, JsonNode? Output, string? Reason = null) : WorkflowCommand;

public sealed record FailInstance(ErrorInfo Error) : WorkflowCommand;
