using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Definitions;

public sealed record IfStep : Step
{
    public required Condition Condition { get; init; }
    public IReadOnlyList<Step> Then { get; init; } = [];
    public IReadOnlyList<Step> Else { get; init; } = [];

    [JsonIgnore]
    public override string Type => StepTypes.If;
}

/// <summary>Runs the first case whose value equals the switch value (or whose condition holds), else the default.</summary>
public sealed record SwitchStep : Step
{
    /// <summary>A template, e.g. "{{trigger.body.input_type}}".</summary>
    public required string Value { get; init; }
    public IReadOnlyList<SwitchCase> Cases { get; init; } = [];
    public IReadOnlyList<Step> Default { get; init; } = [];

    [JsonIgnore]
    public override string Type => StepTypes.Switch;
}

/// <summary>Matches when the switch value equals <see cref="Equals"/> (or one of its items when it is an array),
/// or when <see cref="When"/> holds.</summary>
public sealed record SwitchCase
{
    [JsonPropertyName("equals")]
    public JsonNode? Match { get; init; }
    public Condition? When { get; init; }
    public IReadOnlyList<Step> Steps { get; init; } = [];
}

/// <summary>Runs its steps once per item; the step output is the array of per-item results, in item order.</summary>
public sealed record ForEachStep : Step
{
    public required string Items { get; init; }

    /// <summary>Name under which the current item is visible to templates (its index is "{As}Index").</summary>
    public string As { get; init; } = "item";

    public string Mode { get; init; } = ForEachModes.Sequential;
    public int MaxConcurrency { get; init; } = 4;
    public IReadOnlyList<Step> Steps { get; init; } = [];

    /// <summary>Template for one item's result; by default the output of the last step of the iteration.</summary>
    public JsonNode? Output { get; init; }

    [JsonIgnore]
    public override string Type => StepTypes.ForEach;
}

public static class ForEachModes
{
    public const string Sequential = "sequential";
    public const string Parallel = "parallel";
    public static readonly IReadOnlyList<string> All = [Sequential, Parallel];
}

/// <summary>Waits for a duration (such as "2s", or a template rendering to one) or until a time (a template
/// rendering to an ISO 8601 date).</summary>
public sealed record WaitStep : Step
{
    public string? Duration { get; init; }
    public string? Until { get; init; }

    [JsonIgnore]
    public override string Type => StepTypes.Wait;
}

/// <summary>Waits for a named event raised on the instance. Events raised earlier are kept and delivered here.</summary>
public sealed record WaitForEventStep : Step
{
    public required string Event { get; init; }
    public string? Timeout { get; init; }

    /// <summary>Steps run when the timeout passes first; the step then ends TimedOut.</summary>
    public IReadOnlyList<Step> OnTimeout { get; init; } = [];

    [JsonIgnore]
    public override string Type => StepTypes.WaitForEvent;
}

public sealed record SubWorkflowStep : Step
{
    public required string Workflow { get; init; }
    public int? Version { get; init; }
    public JsonNode? Input { get; init; }

    /// <summary>"fail" (default): a failed child fails this workflow. "continue": the step ends Failed with the
    /// child's error (steps.ID.status / steps.ID.error) and the workflow goes on, as a batch of children needs.</summary>
    public string OnError { get; init; } = OnErrorPolicies.Fail;

    [JsonIgnore]
    public override string Type => StepTypes.SubWorkflow;
}

/// <summary>Assigns workflow variables, visible to later templates as vars.NAME.</summary>
public sealed record SetStep : Step
{
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = new Dictionary<string, JsonNode?>();

    [JsonIgnore]
    public override string Type => StepTypes.Set;
}

/// <summary>Publishes a message on a channel; workflows whose event trigger listens there start from it.</summary>
public sealed record EmitStep : Step
{
    public required string Channel { get; init; }
    public JsonNode? Payload { get; init; }

    [JsonIgnore]
    public override string Type => StepTypes.Emit;
}

public sealed record TerminateStep : Step
{
    public string Status { get; init; } = TerminateStatuses.Completed;
    public string? Reason { get; init; }
    public JsonNode? Output { get; init; }

    [JsonIgnore]
    public override string Type => StepTypes.Terminate;
}

public static class TerminateStatuses
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Terminated = "terminated";
    public static readonly IReadOnlyList<string> All = [Completed, Failed, Terminated];
}
