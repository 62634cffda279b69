using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Interpreter;

/// <summary>
/// Applies one event to one instance state. Frames are positions in blocks of steps; a frame runs until a step
/// has to wait (for an activity, a timer, an event, a child or nested frames), and resumes when that completes.
/// Everything here is deterministic: ids come from the instance id and step keys, time from <see cref="Now"/>.
/// </summary>
internal sealed partial class Execution
{
    private readonly DefinitionIndex index;
    private readonly List<WorkflowCommand> commands = [];
    private readonly Queue<int> ready = new();
    private readonly Dictionary<int, Frame> frames;
    private readonly Dictionary<string, StepRecord> records;

    public Execution(WorkflowDefinition definition, InstanceState state, DateTimeOffset now)
    {
        Definition = definition;
        State = state;
        Now = now;
        index = DefinitionIndex.For(definition);
        frames = state.Frames.ToDictionary(f => f.Id);
        records = [];
        foreach (var record in state.Timeline)
        {
            records[record.Key] = record;
        }
    }

    public WorkflowDefinition Definition { get; }
    public InstanceState State { get; }
    public DateTimeOffset Now { get; }

    public Decision Apply(WorkflowEvent @event)
    {
        if (State.IsFinished && !(@event is ReplayRequested && State.Status == InstanceStatus.Failed))
        {
            return new Decision(State, []);
        }

        Dispatch(@event);
        Drain();
        RefreshStatus();
        return new Decision(State, commands);
    }

    public Frame? ParentOf(Frame frame) =>
        frame.ParentId is { } id && frames.TryGetValue(id, out var parent) ? parent : null;

    /// <summary>The record of <paramref name="stepId"/> as seen from <paramref name="frame"/>: the innermost iteration's first.</summary>
    public StepRecord? FindVisibleRecord(Frame frame, string stepId)
    {
        for (var f = frame; f is not null; f = ParentOf(f))
        {
            if (records.TryGetValue(f.Prefix + stepId, out var record))
            {
                return record;
            }
        }

        return records.GetValueOrDefault(stepId);
    }

    private void Drain()
    {
        while (ready.Count > 0 && !State.IsFinished)
        {
            if (frames.TryGetValue(ready.Dequeue(), out var frame))
            {
                Advance(frame);
            }
        }
    }

    private void Advance(Frame frame)
    {
        var block = index.Block(frame.Block);
        while (!State.IsFinished)
        {
            if (frame.Index >= block.Count)
            {
                FinishFrame(frame);
                return;
            }

            if (StartStep(frame, block[frame.Index]) != StepOutcome.Completed)
            {
                return;
            }

            frame.Index++;
        }
    }

    private StepOutcome StartStep(Frame frame, Step step)
    {
        var record = new StepRecord
        {
            Key = frame.Prefix + step.Id,
            StepId = step.Id,
            Type = step.Type,
            FrameId = frame.Id,
            StartedAt = Now,
        };
        PutRecord(record);
        var scope = new InstanceScope(this, frame);
        try
        {
            return step switch
            {
                ActivityStep s => StartActivity(record, s, scope),
                IfStep s => StartIf(frame, record, s, scope),
                SwitchStep s => StartSwitch(frame, record, s, scope),
                ForEachStep s => StartForEach(frame, record, s, scope),
                WaitStep s => StartWait(record, s, scope),
                WaitForEventStep s => StartWaitForEvent(record, s, scope),
                ApprovalStep s => StartApproval(record, s, scope),
                SubWorkflowStep s => StartSubWorkflow(record, s, scope),
                SetStep s => RunSet(record, s, scope),
                EmitStep s => RunEmit(record, s, scope),
                TerminateStep s => RunTerminate(record, s, scope),
                _ => throw new InvalidOperationException($"Step type {step.GetType().Name} is not supported."),
            };
        }
        catch (ExpressionException ex)
        {
            return StepError(record, ExpressionError(record, ex), resumeLater: false);
        }
    }

    private void FinishFrame(Frame frame)
    {
        var scope = new InstanceScope(this, frame);
        RemoveFrame(frame);
        if (frame.OwnerKey is null)
        {
            CompleteInstance(scope);
            return;
        }

        var owner = records[frame.OwnerKey];
        switch (index.Step(owner.StepId))
        {
            case ForEachStep loop:
                FinishIteration(frame, owner, loop, scope);
                break;
            default:
                if (owner.Status != StepStatus.TimedOut)
                {
                    owner.Status = StepStatus.Completed;
                }

                owner.EndedAt = Now;
                Resume(owner);
                break;
        }
    }

    /// <summary>A step that waited has completed: move its frame past it.</summary>
    private void Resume(StepRecord record)
    {
        if (frames.TryGetValue(record.FrameId, out var frame))
        {
            frame.Index++;
            ready.Enqueue(frame.Id);
        }
    }

    private void CompleteStep(StepRecord record, JsonNode? output, bool resumeLater)
    {
        record.Output = output;
        record.Status = StepStatus.Completed;
        record.EndedAt = Now;
        if (resumeLater)
        {
            Resume(record);
        }
    }

    /// <summary>Applies a step's on-error policy. Only activity steps have one; any other failure fails the instance.</summary>
    private StepOutcome StepError(StepRecord record, ErrorInfo error, bool resumeLater)
    {
        record.Error = error;
        record.EndedAt = Now;
        var policy = index.Step(record.StepId) is ActivityStep activity ? activity.OnError : OnErrorPolicies.Fail;
        switch (policy)
        {
            case OnErrorPolicies.Continue:
                record.Status = StepStatus.Failed;
                record.Notes.Add("Failed; the workflow continues (on-error: continue).");
                break;
            case OnErrorPolicies.Fallback:
                record.Status = StepStatus.Completed;
                record.Output = RenderOrNull(((ActivityStep)index.Step(record.StepId)).Fallback, record);
                record.Notes.Add("Failed; the fallback value is used as output (on-error: fallback).");
                break;
            default:
                record.Status = StepStatus.Failed;
                FailInstance(error);
                return StepOutcome.Stopped;
        }

        if (resumeLater)
        {
            Resume(record);
        }

        return StepOutcome.Completed;
    }

    private JsonNode? RenderOrNull(JsonNode? template, StepRecord record) =>
        template is null ? null : Templates.Render(template, ScopeOf(record), Now);

    private InstanceScope ScopeOf(StepRecord record) =>
        new(this, frames.TryGetValue(record.FrameId, out var frame) ? frame : new Frame { Id = -1, Block = DefinitionIndex.RootBlock });

    private ErrorInfo ExpressionError(StepRecord record, ExpressionException ex) =>
        new(ErrorKinds.Expression, $"Step '{record.StepId}': {ex.Message}", record.Key);

    private void CompleteInstance(InstanceScope scope)
    {
        JsonNode? output;
        try
        {
            output = Definition.Output is null
                ? (State.Variables.Count > 0 ? State.Variables.DeepClone() : null)
                : Templates.Render(Definition.Output, scope, Now);
        }
        catch (ExpressionException ex)
        {
            FailInstance(new ErrorInfo(ErrorKinds.Expression, $"Workflow output: {ex.Message}"));
            return;
        }

        Finish(InstanceStatus.Completed, output, reason: null);
    }

    private void Finish(InstanceStatus status, JsonNode? output, string? reason)
    {
        State.Status = status;
        State.Output = output;
        State.EndedAt = Now;
        State.CustomStatus = null;
        State.Pending.Clear();
        State.Frames.Clear();
        frames.Clear();
        commands.Add(new CompleteInstance(status, output?.DeepClone(), reason));
    }

    private void FailInstance(ErrorInfo error)
    {
        // Frames and pending work are kept so that a replay can resume exactly where the failure happened.
        State.Status = InstanceStatus.Failed;
        State.Error = error;
        State.EndedAt = Now;
        commands.Add(new FailInstance(error));
    }

    private void RefreshStatus()
    {
        if (State.IsFinished)
        {
            return;
        }

        var busy = State.Pending.Values.Any(p => p.Kind is PendingKind.Activity or PendingKind.Child or PendingKind.ApprovalNotify);
        State.Status = busy || State.Pending.Count == 0 ? InstanceStatus.Running : InstanceStatus.Waiting;
    }

    private Frame PushFrame(Frame? parent, string block, string prefix, string? ownerKey, int? iteration = null, JsonObject? locals = null)
    {
        var frame = new Frame
        {
            Id = State.NextFrameId++,
            ParentId = parent?.Id,
            Block = block,
            Prefix = prefix,
            OwnerKey = ownerKey,
            Iteration = iteration,
            Locals = locals,
        };
        State.Frames.Add(frame);
        frames[frame.Id] = frame;
        ready.Enqueue(frame.Id);
        return frame;
    }

    private void RemoveFrame(Frame frame)
    {
        frames.Remove(frame.Id);
        State.Frames.Remove(frame);
    }

    private void PutRecord(StepRecord record)
    {
        if (records.TryGetValue(record.Key, out var previous))
        {
            State.Timeline[State.Timeline.IndexOf(previous)] = record;
        }
        else
        {
            State.Timeline.Add(record);
        }

        records[record.Key] = record;
    }

    /// <summary>A correlation id unique within the instance; ids issued after a replay carry the epoch.</summary>
    private string Id(string stepKey, string suffix) =>
        State.Epoch == 0 ? $"{stepKey}#{suffix}" : $"{stepKey}#{suffix}@{State.Epoch}";

    private void AddPending(PendingKind kind, string id, string stepKey, WorkflowCommand? command, int attempt = 0, string? eventName = null)
    {
        State.Pending[id] = new PendingWork
        {
            Id = id,
            Kind = kind,
            StepKey = stepKey,
            Attempt = attempt,
            EventName = eventName,
            Sequence = State.NextSequence++,
            Command = command,
        };
        if (command is not null)
        {
            commands.Add(command);
        }
    }

    private PendingWork? TakePending(string id) =>
        State.Pending.Remove(id, out var pending) ? pending : null;

    private void RemovePendingOf(string stepKey)
    {
        foreach (var id in State.Pending.Values.Where(p => p.StepKey == stepKey).Select(p => p.Id).ToList())
        {
            State.Pending.Remove(id);
        }
    }

    private StartTimer Timer(PendingKind kind, string id, string stepKey, DateTimeOffset dueAt, int attempt = 0)
    {
        var timer = new StartTimer(id, dueAt, stepKey);
        AddPending(kind, id, stepKey, timer, attempt);
        return timer;
    }

    private enum StepOutcome
    {
        Completed,
        Waiting,
        Stopped,
    }
}
