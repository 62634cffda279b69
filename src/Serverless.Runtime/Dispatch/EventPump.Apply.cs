using System.Text.Json;
using Microsoft.Extensions.Logging;
using Serverless.Engine;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.Dispatch;

internal sealed partial class EventPump
{
    private void ApplyAll(Batch batch)
    {
        var now = batch.Context.Now;
        var trackSteps = logger.IsEnabled(LogLevel.Information);
        if (batch.Order.Count >= 16 && settings.ApplyWorkers > 1)
        {
            Parallel.ForEach(batch.Order, new ParallelOptions { MaxDegreeOfParallelism = settings.ApplyWorkers },
                work => Apply(work, now, trackSteps));
        }
        else
        {
            foreach (var work in batch.Order)
            {
                Apply(work, now, trackSteps);
            }
        }
    }

    /// <summary>Runs the interpreter over one instance's events, in order; also serializes the results, since this
    /// part runs on several threads and the writer does not.</summary>
    private void Apply(InstanceWork work, DateTimeOffset now, bool trackSteps)
    {
        var state = work.Entry.State;
        var open = trackSteps ? OpenSteps(state) : null;
        var countBefore = state.Timeline.Count;
        foreach (var @event in work.Events)
        {
            if (work.Entry.Definition is not { } definition)
            {
                if (!state.IsFinished)
                {
                    Break(state, ErrorKinds.NotFound, $"Workflow '{state.WorkflowId}' version {state.WorkflowVersion} is not registered.", now);
                }

                break;
            }

            try
            {
                var decision = WorkflowInterpreter.ApplyInPlace(definition, state, @event, now);
                state = decision.State;
                work.Commands.AddRange(decision.Commands);
            }
            catch (Exception ex)
            {
                LogApplyFailed(ex, state.InstanceId, state.WorkflowId, @event.GetType().Name);
                Break(state, ErrorKinds.Permanent, $"The runtime could not apply {@event.GetType().Name}: {ex.Message}", now);
                break;
            }
        }

        work.Entry.State = state;
        work.StateJson = state.ToJson();
        foreach (var command in work.Commands)
        {
            work.CommandJson.Add(command is RunActivity or StartTimer or StartChild or EmitMessage
                ? JsonSerializer.Serialize(command, EngineJson.Options)
                : "");
        }

        if (open is not null)
        {
            work.EndedSteps = EndedSteps(state, open, countBefore);
        }
    }

    private static void Break(InstanceState state, string kind, string message, DateTimeOffset now)
    {
        state.Status = InstanceStatus.Failed;
        state.Error = new ErrorInfo(kind, message);
        state.EndedAt = now;
    }

    private static HashSet<StepRecord> OpenSteps(InstanceState state) =>
        [.. state.Timeline.Where(r => r.Status is StepStatus.Running or StepStatus.Waiting)];

    private static List<StepRecord> EndedSteps(InstanceState state, HashSet<StepRecord> open, int countBefore)
    {
        var ended = new List<StepRecord>();
        for (var i = 0; i < state.Timeline.Count; i++)
        {
            var record = state.Timeline[i];
            if (record.Status is not (StepStatus.Running or StepStatus.Waiting) && (i >= countBefore || open.Contains(record)))
            {
                ended.Add(record);
            }
        }

        return ended;
    }

    private void WriteAll(Batch batch)
    {
        var context = batch.Context;
        foreach (var work in batch.Order)
        {
            var state = work.Entry.State;
            var error = state.Error;
            var ended = state.EndedAt is { } end ? UnixTime.ToMs(end) : (long?)null;
            if (work.IsNew)
            {
                statements!.InsertInstance.Bind(work.InstanceId, state.WorkflowId, state.WorkflowVersion, state.Status.ToString(),
                    work.StateJson, context.NowMs, ended, state.DryRun, work.IdempotencyKey, work.Entry.ParentId,
                    error?.StepId, error?.Kind, error?.Message).Execute();
            }
            else if (work.Events.Count > 0)
            {
                // dry_run is not rewritten: it is fixed at the insert, and leaving it out of the SET spares the indexes
                // that hold it (Schema) an update per event.
                statements!.UpdateInstance.Bind(work.InstanceId, state.Status.ToString(), work.StateJson, ended,
                    error?.StepId, error?.Kind, error?.Message).Execute();
            }

            for (var i = 0; i < work.Commands.Count; i++)
            {
                Route(batch, work, work.Commands[i], work.CommandJson[i]);
            }

            if (state.IsFinished && !work.WasFinished)
            {
                statements!.CancelOutbox.Bind(work.InstanceId).Execute();
                if (work.Entry.ParentId is { } parentId)
                {
                    context.PostEvent(parentId, ChildOutcome(state));
                }

                batch.Finished.Add(work);
            }
        }
    }

    private void Route(Batch batch, InstanceWork work, WorkflowCommand command, string json)
    {
        var context = batch.Context;
        var state = work.Entry.State;
        switch (command)
        {
            case RunActivity run:
                if (statements!.UpsertOutbox.Bind(run.CommandId, work.InstanceId, state.WorkflowId, OutboxKinds.Activity, json, null,
                        state.DryRun, context.NowMs).Execute() > 0 && !state.IsFinished)
                {
                    batch.Dispatch.Add(new ActivityWork(run, work.InstanceId, state.WorkflowId, state.DryRun));
                }

                break;
            case StartTimer timer:
                var dueMs = UnixTime.ToMs(timer.DueAt);
                if (statements!.UpsertOutbox.Bind(timer.TimerId, work.InstanceId, state.WorkflowId, OutboxKinds.Timer, json, dueMs,
                        state.DryRun, context.NowMs).Execute() > 0 && (nextTimerDueMs is null || dueMs < nextTimerDueMs))
                {
                    nextTimerDueMs = dueMs;
                }

                break;
            case StartChild child:
                if (statements!.InsertOutboxDone.Bind($"child:{child.ChildInstanceId}", work.InstanceId, state.WorkflowId,
                        OutboxKinds.Child, json, state.DryRun, context.NowMs).Execute() > 0)
                {
                    StartChildInstance(context, work, child);
                }

                break;
            case EmitMessage emit:
                if (statements!.InsertOutboxDone.Bind($"emit:{emit.MessageId}", work.InstanceId, state.WorkflowId,
                        OutboxKinds.Emit, json, state.DryRun, context.NowMs).Execute() > 0)
                {
                    router.Publish(context, emit.MessageId, emit.Channel, emit.Payload, work.InstanceId);
                }

                break;
        }
    }

    private void StartChildInstance(PumpWriteContext context, InstanceWork parent, StartChild child)
    {
        var definition = catalog.Find(child.WorkflowId, child.Version);
        if (definition is null)
        {
            context.PostEvent(parent.InstanceId, new ChildFailed(child.ChildInstanceId,
                new ErrorInfo(ErrorKinds.NotFound, $"Workflow '{child.WorkflowId}' is not registered.", child.StepKey)));
            return;
        }

        var trigger = new System.Text.Json.Nodes.JsonObject
        {
            ["kind"] = "child",
            ["parentInstanceId"] = parent.InstanceId,
            ["body"] = child.Input?.DeepClone(),
        };
        if (!context.CreateInstance(child.ChildInstanceId, definition, child.Input?.DeepClone(), trigger, parent.Entry.State.DryRun, parent.InstanceId)
            && context.ReadState(child.ChildInstanceId) is { IsFinished: true } existing)
        {
            // The child finished before (a replayed parent): its outcome is all the parent needs.
            context.PostEvent(parent.InstanceId, ChildOutcome(existing));
        }
    }

    private static WorkflowEvent ChildOutcome(InstanceState child) => child.Status switch
    {
        InstanceStatus.Completed => new ChildCompleted(child.InstanceId, child.Output?.DeepClone()),
        InstanceStatus.Terminated => new ChildFailed(child.InstanceId,
            new ErrorInfo(ErrorKinds.Terminated, child.Error?.Message ?? $"Child instance {child.InstanceId} was terminated.")),
        _ => new ChildFailed(child.InstanceId,
            child.Error ?? new ErrorInfo(ErrorKinds.ChildFailed, $"Child instance {child.InstanceId} failed.")),
    };
}
