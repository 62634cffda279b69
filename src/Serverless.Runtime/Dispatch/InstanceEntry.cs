using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;

namespace Serverless.Runtime.Dispatch;

/// <summary>An instance as the pump holds it between events: its state object and the definition version it runs.</summary>
internal sealed class InstanceEntry(InstanceState state, WorkflowDefinition? definition, string? parentId)
{
    public InstanceState State { get; set; } = state;
    public WorkflowDefinition? Definition { get; } = definition;
    public string? ParentId { get; } = parentId;
}
