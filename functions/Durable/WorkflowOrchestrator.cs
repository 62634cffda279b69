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

        var stored = run.State ?? (run.StateBlob is { } path ? await StateBlobFunctions.LoadFromOrchestratorAsync(context, path) : null);
        var state = stored is null
            ? InstanceState.Create(context.InstanceId, definition.Id, definition.Version)
            : InstanceState.FromJson(stored);
        IReadOnlyList<WorkflowCommand> commands = run switch
        {
            _ when stored is null => Apply(definition, state, EngineText.Read<WorkflowEvent>(run.StartEvent) ?? new InstanceStarted(null), context),
            { Replay: true } => Apply(definition, state, new ReplayRequested(), context),
            // Resumed after ContinueAsNew: the work still pending is issued: timers and event waits again, and the
            // activities and children the interpreter asked for just before the cut (none was in flight then).
            _ => state.Pending.Values.OrderBy(p => p.Sequence).Select(p => p.Command).OfType<WorkflowCommand>().ToList(),
        };

        var work = new OrchestrationWork(context, state);
        for (var applied = 0; ; applied++)
        {
            if (applied >= MaxEventsPerExecution && !state.IsFinished && work.IsQuiet && OrchestrationWork.Resumable(commands, state))
            {
                // The history is cut before the new commands are issued: they are pending work in the state, and
                // the next generation issues them, so a chain of activities is cut between two of them.
                work.CancelAll();
                var generation = run.Generation + 1;
                var (inline, blob) = await StoreAsync(context, state, $"continued-{generation}");
                context.ContinueAsNew(run with { StartEvent = null, State = inline, StateBlob = blob, Replay = false, Generation = generation });
                return inline ?? blob!;
            }

            work.Issue(commands);
            work.Reconcile();
            if (!context.IsReplaying)
            {
                // Only the last value of an episode is kept, and it is set after the replay has caught up.
                // As a JSON value, not a string holding JSON, whose escaping would take it past Durable's 16 KB.
                using var snapshot = System.Text.Json.JsonDocument.Parse(InstanceSnapshot.Of(state).ToJson());
                context.SetCustomStatus(snapshot.RootElement.Clone());
            }
            if (state.IsFinished)
            {
                break;
            }

            var next = await work.NextEventAsync();
            commands = next is null ? [] : Apply(definition, state, next, context);
        }

        work.CancelAll();
        var (final, finalBlob) = await StoreAsync(context, state, $"final-{context.NewGuid():N}");
        return final ?? EngineText.Write(new StoredFinalState(finalBlob!, state.WorkflowId, state.WorkflowVersion, state.Status, state.DryRun, state.EndedAt, state.Error));
    }

    /// <summary>The state inline when it is small, else saved through <see cref="StateBlobFunctions"/> and referenced,
    /// so orchestration outputs, ContinueAsNew inputs and instance listings stay small however large the state grows.</summary>
    private static async Task<(string? Inline, string? Blob)> StoreAsync(TaskOrchestrationContext context, InstanceState state, string name)
    {
        var json = state.ToJson();
        if (json.Length <= StateBlobs.InlineLimit)
        {
            return (json, null);
        }

        return (null, await StateBlobFunctions.SaveFromOrchestratorAsync(context, name, json));
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
