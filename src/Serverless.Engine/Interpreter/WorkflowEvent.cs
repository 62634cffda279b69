using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Serverless.Engine.Interpreter;

/// <summary>Something that happened to an instance. The runtime feeds events, one at a time and in order,
/// to <see cref="WorkflowInterpreter.Apply"/>. An event that no longer matches anything pending is ignored,
/// so delivering one twice changes nothing.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(InstanceStarted), "started")]
[JsonDerivedType(typeof(ActivityCompleted), "activityCompleted")]
[JsonDerivedType(typeof(ActivityFailed), "activityFailed")]
[JsonDerivedType(typeof(TimerFired), "timerFired")]
[JsonDerivedType(typeof(EventRaised), "eventRaised")]
[JsonDerivedType(typeof(ChildCompleted), "childCompleted")]
[JsonDerivedType(typeof(ChildFailed), "childFailed")]
[JsonDerivedType(typeof(TerminateRequested), "terminate")]
[JsonDerivedType(typeof(ReplayRequested), "replay")]
public abstract record WorkflowEvent;

/// <summary>Starts the instance. <paramref name="Trigger"/> describes what started it (kind, headers, channel...);
/// templates see it as "trigger", with "trigger.body" being the input.</summary>
public sealed record InstanceStarted(JsonNode? Input, JsonObject? Trigger = null, bool DryRun = false) : WorkflowEvent;

public sealed record ActivityCompleted(string CommandId, JsonNode? Output) : WorkflowEvent;

public sealed record ActivityFailed(string CommandId, ErrorInfo Error) : WorkflowEvent;

public sealed record TimerFired(string TimerId) : WorkflowEvent;

public sealed record EventRaised(string Name, JsonNode? Payload) : WorkflowEvent;

public sealed record ChildCompleted(string ChildInstanceId, JsonNode? Output) : WorkflowEvent;

public sealed record ChildFailed(string ChildInstanceId, ErrorInfo Error) : WorkflowEvent;

public sealed record TerminateRequested(string? Reason) : WorkflowEvent;

/// <summary>Re-runs a Failed instance from the step that failed, keeping everything before it.</summary>
public sealed record ReplayRequested : WorkflowEvent;
