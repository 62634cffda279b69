using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Activities;

namespace Serverless.Functions.Durable;

/// <summary>The one activity function: runs any registered <see cref="IActivity"/> by name with the command's
/// timeout and reports the outcome as an ActivityCompleted or ActivityFailed event. It never throws for a failed
/// activity, so retrying stays the interpreter's decision (the step's policy), as in the embedded runtime.</summary>
public sealed class RunActivityFunction(ActivityInvoker invoker, ILogger<RunActivityFunction> logger)
{
    public const string Name = "RunActivity";

    [Function(Name)]
    public async Task<ActivityResult> RunAsync([ActivityTrigger] ActivityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = EngineText.Read<WorkflowCommand>(request.Command) as RunActivity
            ?? throw new InvalidOperationException("The activity request carries no RunActivity command.");
        var outcome = await invoker.InvokeAsync(command, request.InstanceId, request.WorkflowId, request.DryRun, cancellationToken)
            ?? throw new OperationCanceledException("The host is shutting down; Durable Functions runs the activity again.");
        if (outcome is ActivityFailed failed)
        {
            FunctionsLog.ActivityFailed(logger, command.Activity, command.StepKey, request.InstanceId, command.Attempt, failed.Error.Kind, failed.Error.Message);
        }

        return new ActivityResult(EngineText.Write(outcome));
    }
}
