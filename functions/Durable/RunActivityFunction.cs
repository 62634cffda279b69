using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;

namespace Serverless.Functions.Durable;

/// <summary>The one activity function: runs any registered <see cref="IActivity"/> by name with the command's
/// timeout and reports the outcome as an ActivityCompleted or ActivityFailed event. It never throws for a failed
/// activity, so retrying stays the interpreter's decision (the step's policy), as in the embedded runtime.</summary>
public sealed class RunActivityFunction(
    IServiceProvider services,
    IEnumerable<ActivityRegistration> registrations,
    IEnumerable<IActivity> instances,
    ILogger<RunActivityFunction> logger)
{
    public const string Name = "RunActivity";

    [Function(Name)]
    public async Task<ActivityResult> RunAsync([ActivityTrigger] ActivityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = EngineText.Read<WorkflowCommand>(request.Command) as RunActivity
            ?? throw new InvalidOperationException("The activity request carries no RunActivity command.");
        var context = new ActivityContext(request.InstanceId, request.WorkflowId, command.StepKey, command.IdempotencyKey,
            command.Attempt, command.Input, request.DryRun);
        using var timeout = command.Timeout is { } limit ? new CancellationTokenSource(limit) : null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout?.Token ?? CancellationToken.None);
        WorkflowEvent outcome;
        try
        {
            var activity = Find(command.Activity);
            outcome = activity is null
                ? new ActivityFailed(command.CommandId, new ErrorInfo(ErrorKinds.Permanent, $"No activity named '{command.Activity}' is registered."))
                : new ActivityCompleted(command.CommandId, await activity.RunAsync(context, linked.Token).WaitAsync(linked.Token));
        }
        catch (OperationCanceledException) when (timeout?.IsCancellationRequested == true)
        {
            outcome = new ActivityFailed(command.CommandId, new ErrorInfo(ErrorKinds.Timeout, $"Activity '{command.Activity}' did not finish within {command.Timeout}."));
        }
        catch (ActivityException ex)
        {
            outcome = new ActivityFailed(command.CommandId, new ErrorInfo(ex.Kind, ex.Message, RetryAfter: ex.RetryAfter));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = new ActivityFailed(command.CommandId, new ErrorInfo(ErrorKinds.Transient, $"{ex.GetType().Name}: {ex.Message}"));
        }

        if (outcome is ActivityFailed failed)
        {
            logger.LogWarning("Activity {Activity} of step {StepKey} of instance {InstanceId} failed on attempt {Attempt}: {ErrorKind} {ErrorMessage}",
                command.Activity, command.StepKey, request.InstanceId, command.Attempt, failed.Error.Kind, failed.Error.Message);
        }

        return new ActivityResult(EngineText.Write(outcome));
    }

    /// <summary>Same lookup as the embedded ActivityRegistry: instances registered as IActivity, or classes registered
    /// with AddActivity&lt;T&gt;() resolved from this invocation's scope.</summary>
    private IActivity? Find(string name) =>
        instances.FirstOrDefault(a => a.Name == name)
        ?? registrations.Select(r => (IActivity)services.GetRequiredService(r.ActivityType)).FirstOrDefault(a => a.Name == name);
}
