using Serverless.Engine.Definitions;

namespace Serverless.Engine.Interpreter;

/// <summary>The pure heart of the product: (definition, state, event, now) -> (new state, commands).
/// No I/O, no clock, no randomness: the same inputs always give the same outputs.</summary>
public static class WorkflowInterpreter
{
    /// <summary>Applies one event to a copy of <paramref name="state"/>; the argument is left untouched.</summary>
    public static Decision Apply(WorkflowDefinition definition, InstanceState state, WorkflowEvent @event, DateTimeOffset now) =>
        ApplyInPlace(definition, state.Clone(), @event, now);

    /// <summary>Applies one event by mutating <paramref name="state"/> (for runtimes that own a freshly loaded copy).</summary>
    public static Decision ApplyInPlace(WorkflowDefinition definition, InstanceState state, WorkflowEvent @event, DateTimeOffset now) =>
        new Execution(definition, state, now).Apply(@event);
}

public sealed record Decision(InstanceState State, IReadOnlyList<WorkflowCommand> Commands);
