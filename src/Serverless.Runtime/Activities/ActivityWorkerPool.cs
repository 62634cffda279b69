using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Engine.Definitions;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Dispatch;
using Serverless.Runtime.Hosting;

namespace Serverless.Runtime.Activities;

/// <summary>Runs activity commands on a fixed number of workers and posts each result back to the pump as an
/// event. A run cut short by shutdown posts nothing: its outbox row stays pending and runs again at the next
/// start, with the same idempotency key.</summary>
internal sealed partial class ActivityWorkerPool(
    ActivityRegistry registry,
    EventPump pump,
    TimeProvider time,
    IOptions<WorkflowRuntimeOptions> options,
    ILogger<ActivityWorkerPool> logger) : IActivityQueue, IDisposable
{
    private readonly Channel<ActivityWork> queue = Channel.CreateUnbounded<ActivityWork>();
    private readonly CancellationTokenSource stopping = new();
    private Task[] workers = [];

    public void Enqueue(ActivityWork work) => queue.Writer.TryWrite(work);

    public void Start() =>
        workers = Enumerable.Range(0, options.Value.ActivityWorkers).Select(_ => Task.Run(WorkAsync)).ToArray();

    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        queue.Writer.TryComplete();
        await Task.WhenAll(workers);
    }

    public void Dispose() => stopping.Dispose();

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stopping.Token))
            {
                var result = await RunAsync(work);
                if (result is not null)
                {
                    pump.Post(new ActivityResultItem(work.InstanceId, work.Command.CommandId, result));
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutdown: queued work stays pending in the outbox.
        }
    }

    private async Task<WorkflowEvent?> RunAsync(ActivityWork work)
    {
        var command = work.Command;
        var stepId = StepIdOf(command.StepKey);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["InstanceId"] = work.InstanceId,
            ["WorkflowId"] = work.WorkflowId,
            ["StepId"] = stepId,
            ["Activity"] = command.Activity,
        });
        var context = new ActivityContext(work.InstanceId, work.WorkflowId, command.StepKey, command.IdempotencyKey,
            command.Attempt, command.Input, work.DryRun);
        var started = time.GetTimestamp();
        using var timeout = command.Timeout is { } limit ? new CancellationTokenSource(limit, time) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, timeout.Token);
        try
        {
            var run = registry.RunAsync(command.Activity, context, linked?.Token ?? stopping.Token);
            var (found, output) = command.Timeout is { } wait ? await run.WaitAsync(wait, time, stopping.Token) : await run;
            if (!found)
            {
                return Failed(work, stepId, started, new ErrorInfo(ErrorKinds.Permanent, $"No activity named '{command.Activity}' is registered."));
            }

            if (logger.IsEnabled(LogLevel.Debug))
            {
                var elapsed = Elapsed(started);
                LogSucceeded(work.InstanceId, work.WorkflowId, stepId, command.Activity, command.Attempt, elapsed);
            }

            return new ActivityCompleted(command.CommandId, output);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && timeout?.IsCancellationRequested == true))
        {
            return Failed(work, stepId, started, new ErrorInfo(ErrorKinds.Timeout, $"Activity '{command.Activity}' did not finish within {command.Timeout}."));
        }
        catch (ActivityException ex)
        {
            return Failed(work, stepId, started, new ErrorInfo(ex.Kind, ex.Message, RetryAfter: ex.RetryAfter));
        }
        catch (Exception ex)
        {
            return Failed(work, stepId, started, new ErrorInfo(ErrorKinds.Transient, $"{ex.GetType().Name}: {ex.Message}"));
        }
    }

    private ActivityFailed Failed(ActivityWork work, string stepId, long started, ErrorInfo error)
    {
        LogFailed(work.InstanceId, work.WorkflowId, stepId, work.Command.Activity, work.Command.Attempt, Elapsed(started), error.Kind, error.Message);
        return new ActivityFailed(work.Command.CommandId, error);
    }

    private double Elapsed(long started) => time.GetElapsedTime(started).TotalMilliseconds;

    /// <summary>"loop[2].send" -> "send": the key locates the execution, the id names the step.</summary>
    internal static string StepIdOf(string stepKey) => stepKey[(stepKey.LastIndexOf('.') + 1)..];

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Activity {Activity} of step {StepId} of instance {InstanceId} of {WorkflowId} succeeded on attempt {Attempt} in {DurationMs} ms")]
    private partial void LogSucceeded(string instanceId, string workflowId, string stepId, string activity, int attempt, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Activity {Activity} of step {StepId} of instance {InstanceId} of {WorkflowId} failed on attempt {Attempt} in {DurationMs} ms: {ErrorKind} {ErrorMessage}")]
    private partial void LogFailed(string instanceId, string workflowId, string stepId, string activity, int attempt, double durationMs, string errorKind, string errorMessage);
}
