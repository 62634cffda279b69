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
    ActivityInvoker invoker,
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

    /// <summary>The host may dispose the pool while its stop is still unwinding (as with the event pump): stop the
    /// workers first, and leave the token source undisposed when a concurrent stop may still cancel it.</summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        try
        {
            stopping.Cancel();
            Task.WhenAll(workers).Wait(TimeSpan.FromSeconds(30));
        }
        catch (ObjectDisposedException)
        {
            // Disposed twice: nothing left to stop.
        }
        catch (AggregateException)
        {
            // A worker's own failure was already logged.
        }
    }

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
        var started = time.GetTimestamp();
        var outcome = await invoker.InvokeAsync(command, work.InstanceId, work.WorkflowId, work.DryRun, stopping.Token);
        var elapsed = Elapsed(started);
        switch (outcome)
        {
            case ActivityFailed failed:
                LogFailed(work.InstanceId, work.WorkflowId, stepId, command.Activity, command.Attempt, elapsed, failed.Error.Kind, failed.Error.Message);
                break;
            case ActivityCompleted:
                LogSucceeded(work.InstanceId, work.WorkflowId, stepId, command.Activity, command.Attempt, elapsed);
                break;
        }

        return outcome;
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
