using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Interpreter;

internal sealed partial class Execution
{
    private StepOutcome StartIf(Frame frame, StepRecord record, IfStep step, InstanceScope scope)
    {
        var holds = Conditions.Evaluate(step.Condition, scope, Now);
        var branch = holds ? "then" : "else";
        record.Output = new JsonObject { ["condition"] = holds, ["branch"] = branch };
        return EnterBlock(frame, record, DefinitionIndex.BlockOf(step.Id, branch));
    }

    private StepOutcome StartSwitch(Frame frame, StepRecord record, SwitchStep step, InstanceScope scope)
    {
        var value = Templates.Render(step.Value, scope, Now);
        var branch = "default";
        for (var i = 0; i < step.Cases.Count; i++)
        {
            var @case = step.Cases[i];
            var matches = @case.Match is JsonArray options
                ? options.Any(option => JsonValues.AreEqual(option, value))
                : (@case.Match is not null && JsonValues.AreEqual(@case.Match, value))
                  || (@case.When is not null && Conditions.Evaluate(@case.When, scope, Now));
            if (matches)
            {
                branch = $"case{i}";
                break;
            }
        }

        record.Output = new JsonObject { ["value"] = value, ["branch"] = branch };
        return EnterBlock(frame, record, DefinitionIndex.BlockOf(step.Id, branch));
    }

    /// <summary>Runs a nested block in its own frame; an empty block completes the step at once.</summary>
    private StepOutcome EnterBlock(Frame frame, StepRecord record, string block)
    {
        if (index.Block(block).Count == 0)
        {
            CompleteStep(record, record.Output, resumeLater: false);
            return StepOutcome.Completed;
        }

        PushFrame(frame, block, frame.Prefix, record.Key);
        return StepOutcome.Waiting;
    }

    private StepOutcome StartForEach(Frame frame, StepRecord record, ForEachStep step, InstanceScope scope)
    {
        var items = Templates.Render(step.Items, scope, Now);
        if (items is not (null or JsonArray))
        {
            return StepError(record, new ErrorInfo(ErrorKinds.Expression,
                $"Step '{step.Id}': items '{step.Items}' must be an array, got {items.GetValueKind()}.", record.Key), resumeLater: false);
        }

        var list = items as JsonArray ?? [];
        record.Input = list.DeepClone();
        if (list.Count == 0)
        {
            CompleteStep(record, new JsonArray(), resumeLater: false);
            return StepOutcome.Completed;
        }

        record.Loop = new LoopState { Items = list, Results = new JsonArray(list.Select(_ => (JsonNode?)null).ToArray()) };
        var cap = step.Mode == ForEachModes.Parallel ? Math.Max(1, step.MaxConcurrency) : 1;
        while (record.Loop.NextIndex < list.Count && record.Loop.Running < cap)
        {
            StartIteration(frame, record, step);
        }

        return StepOutcome.Waiting;
    }

    private void StartIteration(Frame frame, StepRecord record, ForEachStep step)
    {
        var loop = record.Loop!;
        var i = loop.NextIndex++;
        loop.Running++;
        var locals = new JsonObject
        {
            [step.As] = loop.Items[i]?.DeepClone(),
            [step.As + "Index"] = i,
        };
        var prefix = $"{frame.Prefix}{step.Id}[{i.ToString(CultureInfo.InvariantCulture)}].";
        PushFrame(frame, DefinitionIndex.BlockOf(step.Id, "body"), prefix, record.Key, i, locals);
    }

    private void FinishIteration(Frame iteration, StepRecord owner, ForEachStep step, InstanceScope scope)
    {
        var loop = owner.Loop!;
        JsonNode? result;
        try
        {
            result = step.Output is not null
                ? Templates.Render(step.Output, scope, Now)
                : records.GetValueOrDefault(iteration.Prefix + step.Steps[^1].Id)?.Output?.DeepClone();
        }
        catch (ExpressionException ex)
        {
            StepError(owner, ExpressionError(owner, ex), resumeLater: true);
            return;
        }

        loop.Results[iteration.Iteration!.Value] = result;
        loop.Running--;
        loop.Completed++;
        if (loop.NextIndex < loop.Items.Count && frames.TryGetValue(owner.FrameId, out var parent))
        {
            StartIteration(parent, owner, step);
        }

        if (loop.Completed == loop.Items.Count)
        {
            var results = loop.Results;
            owner.Loop = null;
            CompleteStep(owner, results, resumeLater: true);
        }
    }

    private StepOutcome StartWait(StepRecord record, WaitStep step, InstanceScope scope)
    {
        DateTimeOffset due;
        if (step.Duration is not null && !step.Duration.Contains("{{", StringComparison.Ordinal))
        {
            due = Now + Durations.Parse(step.Duration);
        }
        else if (step.Duration is not null)
        {
            var rendered = Templates.Render(step.Duration, scope, Now);
            if (rendered is not JsonValue text || !Durations.TryParse(text.ToString(), out var length))
            {
                return StepError(record, new ErrorInfo(ErrorKinds.Expression,
                    $"Step '{step.Id}': duration '{step.Duration}' gave '{rendered?.ToJsonString()}', which is not a duration (500ms, 2s, 5m, PT5M; 0s waits not at all).", record.Key), resumeLater: false);
            }

            due = Now + length;
        }
        else
        {
            var until = Templates.Render(step.Until!, scope, Now);
            if (until is not JsonValue text || !DateTimeOffset.TryParse(text.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out due))
            {
                return StepError(record, new ErrorInfo(ErrorKinds.Expression,
                    $"Step '{step.Id}': until '{step.Until}' gave '{until?.ToJsonString()}', which is not an ISO 8601 date.", record.Key), resumeLater: false);
            }
        }

        if (due <= Now)
        {
            CompleteStep(record, new JsonObject { ["waitedUntil"] = EngineJson.Time(due) }, resumeLater: false);
            return StepOutcome.Completed;
        }

        record.Status = StepStatus.Waiting;
        Timer(PendingKind.WaitTimer, Id(record.Key, "wait"), record.Key, due);
        return StepOutcome.Waiting;
    }

    private StepOutcome StartWaitForEvent(StepRecord record, WaitForEventStep step, InstanceScope scope)
    {
        var name = Templates.Render(step.Event, scope, Now)?.ToString() ?? step.Event;
        record.Input = new JsonObject { ["event"] = name };
        if (TakeBuffered(name, _ => true) is { } early)
        {
            CompleteStep(record, early.Payload?.DeepClone(), resumeLater: false);
            return StepOutcome.Completed;
        }

        record.Status = StepStatus.Waiting;
        DateTimeOffset? timeoutAt = step.Timeout is null ? null : Now + Durations.Parse(step.Timeout);
        AddPending(PendingKind.EventWait, Id(record.Key, "event"), record.Key, new WaitForEvent(name, record.Key, timeoutAt), eventName: name);
        if (timeoutAt is { } due)
        {
            Timer(PendingKind.EventTimeout, Id(record.Key, "timeout"), record.Key, due);
        }

        return StepOutcome.Waiting;
    }

    private void OnEventTimeout(StepRecord record)
    {
        RemovePendingOf(record.Key);
        record.Status = StepStatus.TimedOut;
        record.Notes.Add("No event arrived before the timeout.");
        var block = DefinitionIndex.BlockOf(record.StepId, "onTimeout");
        if (index.Block(block).Count > 0 && frames.TryGetValue(record.FrameId, out var frame))
        {
            PushFrame(frame, block, frame.Prefix, record.Key);
            return;
        }

        record.EndedAt = Now;
        Resume(record);
    }

    private StepOutcome StartSubWorkflow(StepRecord record, SubWorkflowStep step, InstanceScope scope)
    {
        record.Input = Templates.Render(step.Input, scope, Now);
        var childId = State.Epoch == 0 ? $"{State.InstanceId}:{record.Key}" : $"{State.InstanceId}:{record.Key}@{State.Epoch}";
        AddPending(PendingKind.Child, childId, record.Key, new StartChild(childId, step.Workflow, step.Version, record.Input?.DeepClone(), record.Key));
        return StepOutcome.Waiting;
    }

    private StepOutcome RunSet(StepRecord record, SetStep step, InstanceScope scope)
    {
        var assigned = new JsonObject();
        foreach (var (name, template) in step.Variables)
        {
            var value = Templates.Render(template, scope, Now);
            State.Variables[name] = value;
            assigned[name] = value?.DeepClone();
        }

        CompleteStep(record, assigned, resumeLater: false);
        return StepOutcome.Completed;
    }

    private StepOutcome RunEmit(StepRecord record, EmitStep step, InstanceScope scope)
    {
        var payload = Templates.Render(step.Payload, scope, Now);
        var messageId = State.Epoch == 0 ? $"{State.InstanceId}:{record.Key}" : $"{State.InstanceId}:{record.Key}@{State.Epoch}";
        commands.Add(new EmitMessage(messageId, step.Channel, payload?.DeepClone()));
        CompleteStep(record, new JsonObject { ["messageId"] = messageId, ["channel"] = step.Channel, ["payload"] = payload }, resumeLater: false);
        return StepOutcome.Completed;
    }

    private StepOutcome RunTerminate(StepRecord record, TerminateStep step, InstanceScope scope)
    {
        var reason = step.Reason is null ? null : Templates.Render(step.Reason, scope, Now)?.ToString();
        var output = Templates.Render(step.Output, scope, Now);
        CompleteStep(record, new JsonObject { ["status"] = step.Status, ["reason"] = reason }, resumeLater: false);
        switch (step.Status)
        {
            case TerminateStatuses.Failed:
                FailInstance(new ErrorInfo(ErrorKinds.Terminated, reason ?? $"Step '{step.Id}' ended the workflow as failed.", record.Key));
                break;
            case TerminateStatuses.Terminated:
                Finish(InstanceStatus.Terminated, output, reason);
                break;
            default:
                Finish(InstanceStatus.Completed, output, reason);
                break;
        }

        return StepOutcome.Stopped;
    }
}
