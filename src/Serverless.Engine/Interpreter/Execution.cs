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

    private enum StepOutcome
    {
        Completed,
        Waiting,
        Stopped,
    }
}
