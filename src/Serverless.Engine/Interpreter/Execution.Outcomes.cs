using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Interpreter;

/// <summary>How steps and the instance end: completion, the on-error policies, failure, termination.</summary>
internal sealed partial class Execution
{
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
        var policy = index.Step(record.StepId) switch
        {
            ActivityStep activity => activity.OnError,
            SubWorkflowStep child => child.OnError,
            _ => OnErrorPolicies.Fail,
        };
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
}
