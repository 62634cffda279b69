using System.Text.Json.Nodes;

namespace Serverless.Engine.Interpreter;

/// <summary>Frames, timeline records and pending work: the state the execution keeps in step with its indexes.</summary>
internal sealed partial class Execution
{
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
}
