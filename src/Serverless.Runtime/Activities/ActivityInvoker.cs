using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Runtime.Activities;

/// <summary>Runs one activity command and turns its outcome into the event the interpreter expects: the step's
/// timeout becomes <see cref="ErrorKinds.Timeout"/>, an <see cref="ActivityException"/> keeps its kind and
/// Retry-After, anything else is <see cref="ErrorKinds.Transient"/>. Shared by every runtime.</summary>
public sealed class ActivityInvoker(ActivityRegistry registry, TimeProvider time)
{
    /// <summary>The outcome, or null when <paramref name="stopping"/> cut the run short (the command stays pending).</summary>
    public async Task<WorkflowEvent?> InvokeAsync(RunActivity command, string instanceId, string workflowId, bool dryRun, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(command);
        var context = new ActivityContext(instanceId, workflowId, command.StepKey, command.IdempotencyKey, command.Attempt, command.Input, dryRun);
        using var timeout = command.Timeout is { } limit ? new CancellationTokenSource(limit, time) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        try
        {
            var run = registry.RunAsync(command.Activity, context, linked?.Token ?? stopping);
            var (found, output) = command.Timeout is { } wait ? await run.WaitAsync(wait, time, stopping) : await run;
            return found
                ? new ActivityCompleted(command.CommandId, output)
                : Failed(command, ErrorKinds.Permanent, $"No activity named '{command.Activity}' is registered.");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && timeout?.IsCancellationRequested == true))
        {
            return Failed(command, ErrorKinds.Timeout, $"Activity '{command.Activity}' did not finish within {command.Timeout}.");
        }
        catch (ActivityException ex)
        {
            return new ActivityFailed(command.CommandId, new ErrorInfo(ex.Kind, ex.Message, RetryAfter: ex.RetryAfter));
        }
        catch (Exception ex)
        {
            return Failed(command, ErrorKinds.Transient, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static ActivityFailed Failed(RunActivity command, string kind, string message) =>
        new(command.CommandId, new ErrorInfo(kind, message));
}
