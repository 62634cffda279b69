using Microsoft.Extensions.Logging;
using Serverless.Engine.Interpreter;

namespace Serverless.Runtime.Dispatch;

internal sealed partial class EventPump
{
    private void LogSteps(InstanceWork work)
    {
        if (work.EndedSteps is not { Count: > 0 } ended)
        {
            return;
        }

        var state = work.Entry.State;
        foreach (var step in ended)
        {
            var duration = step.EndedAt is { } end ? (end - step.StartedAt).TotalMilliseconds : 0;
            if (step.Status == StepStatus.Failed)
            {
                LogStepFailed(state.InstanceId, state.WorkflowId, step.StepId, step.Key, duration, step.Attempts, step.Error?.Kind, step.Error?.Message);
            }
            else
            {
                LogStepEnded(state.InstanceId, state.WorkflowId, step.StepId, step.Key, step.Status, duration, step.Attempts);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Runtime store {DatabaseFile} open; {Recovered} pending activities dispatched again")]
    private partial void LogStarted(string databaseFile, int recovered);

    [LoggerMessage(Level = LogLevel.Error, Message = "Runtime store {DatabaseFile} is unavailable; the pump reopens it on its next turn")]
    private partial void LogStoreUnavailable(Exception exception, string databaseFile);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} items failed and was rolled back; it will be retried")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} of {WorkflowId} failed: the interpreter threw on {EventType}")]
    private partial void LogApplyFailed(Exception exception, string instanceId, string workflowId, string eventType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored the result of command {CommandId} of instance {InstanceId}: already applied or cancelled")]
    private partial void LogStaleResult(string instanceId, string commandId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Step {StepId} ({StepKey}) of instance {InstanceId} of {WorkflowId} ended {StepStatus} in {DurationMs} ms after {Attempts} attempt(s)")]
    private partial void LogStepEnded(string instanceId, string workflowId, string stepId, string stepKey, StepStatus stepStatus, double durationMs, int attempts);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Step {StepId} ({StepKey}) of instance {InstanceId} of {WorkflowId} failed in {DurationMs} ms after {Attempts} attempt(s): {ErrorKind} {ErrorMessage}")]
    private partial void LogStepFailed(string instanceId, string workflowId, string stepId, string stepKey, double durationMs, int attempts, string? errorKind, string? errorMessage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} of {WorkflowId} ended {InstanceStatus}")]
    private partial void LogInstanceEnded(string instanceId, string workflowId, InstanceStatus instanceStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} of {WorkflowId} ended Failed at step {StepId}: {ErrorMessage}")]
    private partial void LogInstanceFailed(string instanceId, string workflowId, string? stepId, string errorMessage);
}
