using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Catalog;

namespace Serverless.Functions.Durable;

/// <summary>The one orchestrator: it runs the pure interpreter and turns its commands into Durable tasks
/// (<see cref="OrchestrationWork"/>), feeding each result back as the next event. Deterministic as Durable requires:
/// time is <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, I/O happens only in activities. It returns
/// the final InstanceState JSON, also for a Failed workflow, so a replay can resume from it.</summary>
public sealed class WorkflowOrchestrator(IWorkflowCatalog catalog)
{
    public const string Name = nameof(WorkflowOrchestrator);

    /// <summary>Raised by <see cref="DurableWorkflowClient.TerminateAsync"/>; the API refuses '$' in event names.</summary>
    public const string TerminateEvent = "$terminate";

    /// <summary>Events applied in one execution before the history is cut with ContinueAsNew at the next quiet point.</summary>
    public const int MaxEventsPerExecution = 100;

    [Function(Name)]
    public async Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = context.GetInput<WorkflowRun>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input.");
        var definition = catalog.Find(run.WorkflowId, run.Version);
        if (definition is null)
        {
            return Unregistered(context, run).ToJson();
        }

        var state = run.State is null
            ? InstanceState.Create(context.InstanceId, definition.Id, definition.Version)
            : InstanceState.FromJson(run.State);
        IReadOnlyList<WorkflowCommand> commands = run switch
        {
            { State: null } => Apply(definition, state, EngineText.Read<WorkflowEvent>(run.StartEvent) ?? new InstanceStarted(null), context),
            { Replay: true } => Apply(definition, state, new ReplayRequested(), context),
            // Resumed after ContinueAsNew: the work still pending is issued again (timers and event waits only,
            // since the history is cut only when no activity or child is in flight).
            _ => state.Pending.Values.OrderBy(p => p.Sequence).Select(p => p.Command).OfType<WorkflowCommand>().ToList(),
        };

        var work = new OrchestrationWork(context, state);
        for (var applied = 0; ; applied++)
        {
            work.Issue(commands);
            work.Reconcile();
            context.SetCustomStatus(InstanceSnapshot.Of(state).ToJson());
            if (state.IsFinished)
            {
                break;
            }

            if (applied >= MaxEventsPerExecution && work.IsQuiet)
            {
                work.CancelAll();
                context.ContinueAsNew(run with { StartEvent = null, State = state.ToJson(), Replay = false });
                return state.ToJson();
            }

            var next = await work.NextEventAsync();
            commands = next is null ? [] : Apply(definition, state, next, context);
        }

        work.CancelAll();
        return state.ToJson();
    }

    private static IReadOnlyList<WorkflowCommand> Apply(WorkflowDefinition definition, InstanceState state, WorkflowEvent @event, TaskOrchestrationContext context) =>
        WorkflowInterpreter.ApplyInPlace(definition, state, @event, Now(context)).Commands;

    internal static DateTimeOffset Now(TaskOrchestrationContext context) =>
        new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    private static InstanceState Unregistered(TaskOrchestrationContext context, WorkflowRun run)
    {
        var state = InstanceState.Create(context.InstanceId, run.WorkflowId, run.Version ?? 0);
        state.Status = InstanceStatus.Failed;
        state.StartedAt = state.EndedAt = Now(context);
        state.Error = new ErrorInfo(ErrorKinds.Permanent, new WorkflowNotFoundException(run.WorkflowId, run.Version).Message);
        return state;
    }
}
