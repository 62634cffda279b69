using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Interpreter;

internal sealed partial class Execution
{
    private void Dispatch(WorkflowEvent @event)
    {
        switch (@event)
        {
            case InstanceStarted started:
                Start(started);
                break;
            case ActivityCompleted completed:
                OnActivityCompleted(completed);
                break;
            case ActivityFailed failed:
                OnActivityFailed(failed);
                break;
            case TimerFired fired:
                OnTimerFired(fired);
                break;
            case EventRaised raised:
                OnEventRaised(raised);
                break;
            case ChildCompleted child:
                OnChildEnded(child.ChildInstanceId, child.Output, error: null);
                break;
            case ChildFailed child:
                OnChildEnded(child.ChildInstanceId, output: null, child.Error);
                break;
            case TerminateRequested terminate:
                Finish(InstanceStatus.Terminated, output: null, terminate.Reason ?? "Terminated on request.");
                break;
            case ReplayRequested:
                Replay();
                break;
        }
    }

    private void Start(InstanceStarted started)
    {
        if (State.Status != InstanceStatus.Pending)
        {
            return;
        }

        State.Input = started.Input?.DeepClone();
        var trigger = started.Trigger?.DeepClone().AsObject() ?? new JsonObject { ["kind"] = TriggerTypes.Manual };
        if (!trigger.ContainsKey("body"))
        {
            trigger["body"] = started.Input?.DeepClone();
        }

        State.Trigger = trigger;
        State.DryRun = started.DryRun;
        State.StartedAt = Now;
        State.Status = InstanceStatus.Running;
        PushFrame(parent: null, DefinitionIndex.RootBlock, prefix: "", ownerKey: null);
    }

    private void OnTimerFired(TimerFired fired)
    {
        if (TakePending(fired.TimerId) is not { } pending || !records.TryGetValue(pending.StepKey, out var record))
        {
            return;
        }

        switch (pending.Kind)
        {
            case PendingKind.RetryTimer:
                RunAttempt(record, (ActivityStep)index.Step(record.StepId), pending.Attempt);
                break;
            case PendingKind.WaitTimer:
                CompleteStep(record, new JsonObject { ["waitedUntil"] = EngineJson.Time(Now) }, resumeLater: true);
                break;
            case PendingKind.EventTimeout:
                OnEventTimeout(record);
                break;
            case PendingKind.ApprovalReminder:
                OnGateReminder(record, (ApprovalStep)index.Step(record.StepId));
                break;
            case PendingKind.ApprovalDeadline:
                OnGateDeadline(record, (ApprovalStep)index.Step(record.StepId));
                break;
        }
    }

    private void OnEventRaised(EventRaised raised)
    {
        var waiter = State.Pending.Values
            .Where(p => p.Kind == PendingKind.EventWait && p.EventName == raised.Name)
            .OrderBy(p => p.Sequence)
            .FirstOrDefault(p => Accepts(p, raised.Payload));
        if (waiter is null)
        {
            State.BufferedEvents.Add(new BufferedEvent(raised.Name, raised.Payload?.DeepClone(), Now));
            return;
        }

        State.Pending.Remove(waiter.Id);
        var record = records[waiter.StepKey];
        if (index.Step(record.StepId) is ApprovalStep)
        {
            CloseGate(record, ApprovalPayload.Parse(raised.Payload)!, timedOut: false);
            Resume(record);
            return;
        }

        RemovePendingOf(record.Key);
        CompleteStep(record, raised.Payload?.DeepClone(), resumeLater: true);
    }

    /// <summary>An approval gate only accepts a payload carrying a valid decision; others stay buffered.</summary>
    private bool Accepts(PendingWork waiter, JsonNode? payload) =>
        !records.TryGetValue(waiter.StepKey, out var record)
        || index.Step(record.StepId) is not ApprovalStep
        || ApprovalPayload.Parse(payload) is not null;

    /// <summary>Takes the oldest buffered event of that name that <paramref name="accept"/> accepts.</summary>
    private BufferedEvent? TakeBuffered(string name, Func<JsonNode?, bool> accept)
    {
        var match = State.BufferedEvents.FirstOrDefault(e => e.Name == name && accept(e.Payload));
        if (match is not null)
        {
            State.BufferedEvents.Remove(match);
        }

        return match;
    }

    private void OnChildEnded(string childInstanceId, JsonNode? output, ErrorInfo? error)
    {
        if (TakePending(childInstanceId) is not { } pending || !records.TryGetValue(pending.StepKey, out var record))
        {
            return;
        }

        if (error is null)
        {
            CompleteStep(record, output?.DeepClone(), resumeLater: true);
            return;
        }

        StepError(record, new ErrorInfo(ErrorKinds.ChildFailed, $"Step '{record.StepId}': child workflow {childInstanceId} failed: {error.Message}", record.Key), resumeLater: true);
    }

    /// <summary>Re-runs the failed step of a Failed instance and re-issues the work that was pending when it failed.</summary>
    private void Replay()
    {
        var failedKey = State.Error?.StepId;
        State.Epoch++;
        State.Status = InstanceStatus.Running;
        State.Error = null;
        State.EndedAt = null;
        foreach (var pending in State.Pending.Values.OrderBy(p => p.Sequence))
        {
            if (pending.Command is not null && pending.StepKey != failedKey)
            {
                commands.Add(pending.Command);
            }
        }

        if (failedKey is null || !records.TryGetValue(failedKey, out var failed) || !frames.TryGetValue(failed.FrameId, out var frame))
        {
            // The failure was not a step's (the workflow output template): finishing again re-evaluates it.
            if (State.Frames.Count == 0)
            {
                CompleteInstance(new InstanceScope(this, new Frame { Id = -1, Block = DefinitionIndex.RootBlock }));
            }

            return;
        }

        DiscardChildrenOf(failedKey);
        RemovePendingOf(failedKey);
        ready.Enqueue(frame.Id);
    }

    /// <summary>Drops the frames (and their pending work) a step opened, before that step runs again.</summary>
    private void DiscardChildrenOf(string ownerKey)
    {
        foreach (var child in State.Frames.Where(f => f.OwnerKey == ownerKey).ToList())
        {
            foreach (var nested in State.Timeline.Where(r => r.FrameId == child.Id).Select(r => r.Key).ToList())
            {
                DiscardChildrenOf(nested);
                RemovePendingOf(nested);
            }

            RemoveFrame(child);
        }
    }
}
