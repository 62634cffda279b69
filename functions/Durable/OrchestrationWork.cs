using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;
using Serverless.Functions.Channels;

namespace Serverless.Functions.Durable;

/// <summary>The Durable tasks one orchestration waits on, each tied to the interpreter's correlation id, and how
/// each outcome becomes the next interpreter event. Retries are the interpreter's own (durable retry timers with
/// the step's policy, jitter and Retry-After), so activities are called without a Durable RetryPolicy: one
/// CallActivityAsync per attempt, whose failure is just an ActivityFailed event.</summary>
internal sealed class OrchestrationWork(TaskOrchestrationContext context, InstanceState state)
{
    private enum Kind
    {
        Activity,
        Timer,
        EventWait,
        Child,
        Emit,
        Terminate,
    }

    private sealed record Item(Kind Kind, string Id, CancellationTokenSource? Cancel);

    private readonly Dictionary<Task, Item> tasks = [];

    /// <summary>Nothing in flight whose result would be lost by ContinueAsNew (timers and event waits are re-issued).</summary>
    public bool IsQuiet => tasks.Values.All(i => i.Kind is Kind.Timer or Kind.EventWait or Kind.Terminate);

    /// <summary>True when every command is recorded as pending work in the state, so a generation started from the
    /// state alone issues it (an emit is not pending work: it must be issued before the history is cut).</summary>
    public static bool Resumable(IReadOnlyList<WorkflowCommand> commands, InstanceState state) =>
        commands.All(c => c switch
        {
            RunActivity run => state.Pending.ContainsKey(run.CommandId),
            StartTimer timer => state.Pending.ContainsKey(timer.TimerId),
            StartChild child => state.Pending.ContainsKey(child.ChildInstanceId),
            EmitMessage => false,
            _ => true,
        });

    public void Issue(IReadOnlyList<WorkflowCommand> commands)
    {
        foreach (var command in commands)
        {
            switch (command)
            {
                case RunActivity run:
                    Track(Kind.Activity, run.CommandId, null, context.CallActivityAsync<ActivityResult>(
                        RunActivityFunction.Name, new ActivityRequest(EngineText.Write<WorkflowCommand>(run), state.InstanceId, state.WorkflowId, state.DryRun)));
                    break;
                case StartTimer timer:
                    var timerCancel = new CancellationTokenSource();
                    Track(Kind.Timer, timer.TimerId, timerCancel, context.CreateTimer(timer.DueAt.UtcDateTime, timerCancel.Token));
                    break;
                case StartChild child:
                    var start = new InstanceStarted(child.Input, new JsonObject { ["kind"] = "child", ["parentInstanceId"] = state.InstanceId }, state.DryRun);
                    Track(Kind.Child, child.ChildInstanceId, null, context.CallSubOrchestratorAsync<string>(
                        WorkflowOrchestrator.Name,
                        input: new WorkflowRun(child.WorkflowId, child.Version, EngineText.Write<WorkflowEvent>(start)),
                        options: new SubOrchestrationOptions(instanceId: child.ChildInstanceId)));
                    break;
                case EmitMessage emit:
                    Track(Kind.Emit, emit.MessageId, null, context.CallActivityAsync(
                        EnqueueMessageFunction.Name, new ChannelMessage(emit.MessageId, emit.Channel, EngineText.Node(emit.Payload), state.InstanceId)));
                    break;
            }
        }

        if (!state.IsFinished && !Waiting(Kind.Terminate, WorkflowOrchestrator.TerminateEvent))
        {
            WaitFor(Kind.Terminate, WorkflowOrchestrator.TerminateEvent);
        }
    }

    /// <summary>Keeps one Durable wait per event name the interpreter waits for (WaitForEvent commands are read from
    /// its pending work, so a second waiter of a name is served too) and cancels timers and waits it no longer expects
    /// (an event beat its timeout, a branch was discarded). Results of dropped activities and children are ignored.</summary>
    public void Reconcile()
    {
        var waitedEvents = state.Pending.Values
            .Where(p => p.Kind == PendingKind.EventWait && p.EventName is not null)
            .Select(p => p.EventName!)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var name in waitedEvents.Where(name => !Waiting(Kind.EventWait, name)))
        {
            WaitFor(Kind.EventWait, name);
        }

        foreach (var (task, item) in tasks.ToList())
        {
            var stale = item.Kind switch
            {
                Kind.Timer => !state.Pending.ContainsKey(item.Id),
                Kind.EventWait => !waitedEvents.Contains(item.Id),
                Kind.Terminate => state.IsFinished,
                _ => false,
            };
            if (stale)
            {
                item.Cancel?.Cancel();
                item.Cancel?.Dispose();
                tasks.Remove(task);
            }
        }
    }

    public void CancelAll()
    {
        foreach (var item in tasks.Values)
        {
            item.Cancel?.Cancel();
        }

        tasks.Clear();
    }

    /// <summary>Waits for the next task to finish and translates it; null when it carries nothing for the interpreter.</summary>
    public async Task<WorkflowEvent?> NextEventAsync()
    {
        var done = await Task.WhenAny(tasks.Keys);
        var item = tasks[done];
        tasks.Remove(done);
        item.Cancel?.Dispose();
        return item.Kind switch
        {
            Kind.Activity => ActivityOutcome((Task<ActivityResult>)done, item.Id),
            Kind.Timer => new TimerFired(item.Id),
            Kind.EventWait => new EventRaised(item.Id, EngineText.Parse(((Task<string?>)done).Result)),
            Kind.Child => ChildOutcome((Task<string>)done, item.Id),
            Kind.Terminate => new TerminateRequested(((Task<string?>)done).Result),
            _ => null,
        };
    }

    private static WorkflowEvent ActivityOutcome(Task<ActivityResult> done, string commandId)
    {
        if (done.IsCompletedSuccessfully && EngineText.Read<WorkflowEvent>(done.Result.Event) is { } outcome)
        {
            return outcome;
        }

        // The activity function itself failed (host crash, serialization): a transient error the step's policy may retry.
        var message = done.Exception?.InnerException?.Message ?? "The activity function returned no result.";
        return new ActivityFailed(commandId, new ErrorInfo(ErrorKinds.Transient, message));
    }

    private static WorkflowEvent ChildOutcome(Task<string> done, string childId)
    {
        if (!done.IsCompletedSuccessfully || EngineText.Read<InstanceState>(done.Result) is not { } child)
        {
            var message = done.Exception?.InnerException?.Message ?? $"Child instance {childId} returned no state.";
            return new ChildFailed(childId, new ErrorInfo(ErrorKinds.ChildFailed, message));
        }

        return child.Status == InstanceStatus.Completed
            ? new ChildCompleted(childId, child.Output)
            : new ChildFailed(childId, child.Error ?? new ErrorInfo(ErrorKinds.ChildFailed, $"Child instance {childId} ended {child.Status}."));
    }

    private bool Waiting(Kind kind, string id) => tasks.Values.Any(i => i.Kind == kind && i.Id == id);

    private void WaitFor(Kind kind, string eventName)
    {
        var cancel = new CancellationTokenSource();
        Track(kind, eventName, cancel, context.WaitForExternalEvent<string?>(eventName, cancel.Token));
    }

    private void Track(Kind kind, string id, CancellationTokenSource? cancel, Task task) => tasks[task] = new Item(kind, id, cancel);
}
