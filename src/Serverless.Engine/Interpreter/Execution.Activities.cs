using Serverless.Engine.Definitions;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Interpreter;

internal sealed partial class Execution
{
    private StepOutcome StartActivity(StepRecord record, ActivityStep step, InstanceScope scope)
    {
        record.Input = Templates.Render(step.Input, scope, Now);
        RunAttempt(record, step, attempt: 1);
        return StepOutcome.Waiting;
    }

    private void RunAttempt(StepRecord record, ActivityStep step, int attempt)
    {
        record.Attempts = attempt;
        record.Status = StepStatus.Running;
        var id = Id(record.Key, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        TimeSpan? timeout = step.Timeout is null ? null : Durations.Parse(step.Timeout);
        var command = new RunActivity(id, step.Activity, record.Input?.DeepClone(), IdempotencyKey(record.Key), attempt, timeout, record.Key);
        AddPending(PendingKind.Activity, id, record.Key, command, attempt);
    }

    /// <summary>The same for every attempt and every replay of one step execution, so connectors can de-duplicate.</summary>
    private string IdempotencyKey(string stepKey) => $"{State.InstanceId}:{stepKey}";

    private void OnActivityCompleted(ActivityCompleted completed)
    {
        if (TakePending(completed.CommandId) is not { } pending || !records.TryGetValue(pending.StepKey, out var record))
        {
            return;
        }

        if (pending.Kind == PendingKind.ApprovalNotify)
        {
            record.Notes.Add($"Approvers notified ({completed.CommandId}).");
            return;
        }

        CompleteStep(record, completed.Output?.DeepClone(), resumeLater: true);
    }

    private void OnActivityFailed(ActivityFailed failed)
    {
        if (TakePending(failed.CommandId) is not { } pending || !records.TryGetValue(pending.StepKey, out var record))
        {
            return;
        }

        if (pending.Kind == PendingKind.ApprovalNotify)
        {
            record.Notes.Add($"Notifying approvers failed ({failed.Error.Kind}: {failed.Error.Message}); the gate stays open.");
            return;
        }

        var step = (ActivityStep)index.Step(record.StepId);
        var error = failed.Error with { StepId = record.Key };
        if (step.Retry is { } policy && record.Attempts < policy.MaxAttempts && policy.RetryOn.Contains(error.Kind))
        {
            var delay = DeterministicJitter.RetryDelay(policy, record.Attempts, State.InstanceId, record.Key);
            if (error.RetryAfter is { } retryAfter && retryAfter > delay)
            {
                delay = retryAfter;
            }

            var due = Now + delay;
            record.Error = error;
            record.Status = StepStatus.Waiting;
            record.Notes.Add($"Attempt {record.Attempts} failed ({error.Kind}: {error.Message}); attempt {record.Attempts + 1} at {due:O}.");
            Timer(PendingKind.RetryTimer, Id(record.Key, $"retry{record.Attempts}"), record.Key, due, record.Attempts + 1);
            return;
        }

        if (step.Retry is not null && record.Attempts > 1)
        {
            error = error with { Message = $"{error.Message} (after {record.Attempts} attempts)" };
        }

        StepError(record, error, resumeLater: true);
    }
}
