using System.Text.Json.Serialization;

namespace Serverless.Engine.Definitions;

/// <summary>One step of a workflow. Step ids are unique across the whole definition, nested blocks included.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ActivityStep), StepTypes.Activity)]
[JsonDerivedType(typeof(IfStep), StepTypes.If)]
[JsonDerivedType(typeof(SwitchStep), StepTypes.Switch)]
[JsonDerivedType(typeof(ForEachStep), StepTypes.ForEach)]
[JsonDerivedType(typeof(WaitStep), StepTypes.Wait)]
[JsonDerivedType(typeof(WaitForEventStep), StepTypes.WaitForEvent)]
[JsonDerivedType(typeof(ApprovalStep), StepTypes.Approval)]
[JsonDerivedType(typeof(SubWorkflowStep), StepTypes.SubWorkflow)]
[JsonDerivedType(typeof(SetStep), StepTypes.Set)]
[JsonDerivedType(typeof(EmitStep), StepTypes.Emit)]
[JsonDerivedType(typeof(TerminateStep), StepTypes.Terminate)]
public abstract record Step
{
    public required string Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonIgnore]
    public abstract string Type { get; }
}

public static class StepTypes
{
    public const string Activity = "activity";
    public const string If = "if";
    public const string Switch = "switch";
    public const string ForEach = "forEach";
    public const string Wait = "wait";
    public const string WaitForEvent = "waitForEvent";
    public const string Approval = "approval";
    public const string SubWorkflow = "subWorkflow";
    public const string Set = "set";
    public const string Emit = "emit";
    public const string Terminate = "terminate";

    public static readonly IReadOnlyList<string> All =
        [Activity, If, Switch, ForEach, Wait, WaitForEvent, Approval, SubWorkflow, Set, Emit, Terminate];
}
