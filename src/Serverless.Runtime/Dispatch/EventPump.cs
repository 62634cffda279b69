using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Engine;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Catalog;
using Serverless.Runtime.Channels;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.Dispatch;

/// <summary>
/// The runtime's single writer. It takes every queued item (starts, events, activity results, maintenance
/// writes) plus due timers and unapplied inbox rows, applies the events to their instances (different
/// instances in parallel, each instance's events in order) and stores states, timelines and outgoing commands
/// in ONE transaction per batch. Only after the commit are activities dispatched and callers answered.
/// </summary>
internal sealed partial class EventPump(
    RuntimeDatabase database,
    IWorkflowCatalog catalog,
    ChannelRouter router,
    InstanceNotifications notifications,
    TimeProvider time,
    IOptions<WorkflowRuntimeOptions> options,
    ILogger<EventPump> logger) : IDisposable
{
    private readonly Channel<PumpItem> queue = Channel.CreateUnbounded<PumpItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WorkflowRuntimeOptions settings = options.Value;
    private readonly InstanceCache cache = new(options.Value.StateCacheSize);
    private SqliteConnection? connection;
    private PumpStatements? statements;
    private readonly Lock closing = new();
    private IActivityQueue? activities;
    private Task? loop;
    private bool inboxDirty = true;
    private long? nextTimerDueMs;

    /// <summary>Queues an item; after shutdown it is refused (activity results are then redone after the restart).</summary>
    public bool Post(PumpItem item) => queue.Writer.TryWrite(item);

    public Task<T> Submit<T>(Func<TaskCompletionSource<T>, PumpItem> create)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Post(create(done)))
        {
            done.SetException(new InvalidOperationException("The workflow runtime is stopped."));
        }

        return done.Task;
    }

    public async Task<T> WriteAsync<T>(Func<PumpWriteContext, T> action)
    {
        var result = await Submit<object?>(done => new WriteItem(context => action(context), done));
        return (T)result!;
    }

    /// <summary>Opens the store, re-dispatches activities that were pending at the last stop (at least once)
    /// and starts the loop. A store the disk refuses does not stop the host: the loop keeps trying to open it and
    /// answers callers with <see cref="RuntimeStoreUnavailableException"/> (503) until it can.</summary>
    public void Start(IActivityQueue activityQueue)
    {
        activities = activityQueue;
        try
        {
            OpenStore();
        }
        catch (RuntimeStoreUnavailableException ex)
        {
            LogStoreUnavailable(ex, database.FilePath);
        }

        loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    private void OpenStore()
    {
        var opened = database.Open();
        PumpStatements? prepared = null;
        try
        {
            prepared = new PumpStatements(opened);
            var recovered = 0;
            using (var reader = prepared.SelectPendingActivities.Query())
            {
                while (reader.Read())
                {
                    if (JsonSerializer.Deserialize<WorkflowCommand>(reader.GetString(2), EngineJson.Options) is RunActivity command)
                    {
                        activities!.Enqueue(new ActivityWork(command, reader.GetString(0), reader.GetString(1), reader.GetInt64(3) != 0));
                        recovered++;
                    }
                }
            }

            nextTimerDueMs = prepared.NextTimer.Scalar() as long?;
            inboxDirty = true;
            lock (closing)
            {
                connection = opened;
                statements = prepared;
            }

            LogStarted(database.FilePath, recovered);
        }
        catch (Exception ex) when (RuntimeStoreUnavailableException.IsStorageFailure(ex))
        {
            prepared?.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(opened);
            opened.Dispose();
            throw RuntimeStoreUnavailableException.Wrap(ex, database.FilePath);
        }
    }

    /// <summary>Lets the pump finish what is queued, then closes the store.</summary>
    public async Task StopAsync()
    {
        queue.Writer.TryComplete();
        if (loop is not null)
        {
            await loop;
        }

        CloseStore();
    }

    /// <summary>The host may stop the pump and dispose it at the same time (the container disposes singletons while
    /// a stop is still unwinding): both end here, and only the first closes the statements and the connection.</summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        try
        {
            // Never pull the statements from under a batch still being written.
            loop?.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // The loop's own failure was already logged; closing the store is all that is left.
        }

        CloseStore();
    }

    private void ResetStore()
    {
        if (connection is { } broken)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(broken);
        }

        CloseStore();
    }

    private void CloseStore()
    {
        // One lock for the whole close: disposing a statement edits the connection's command list, which closing
        // the connection walks, so the two must never interleave across threads.
        lock (closing)
        {
            statements?.Dispose();
            statements = null;
            connection?.Dispose();
            connection = null;
        }
    }

    private async Task RunAsync()
    {
        var items = new List<PumpItem>(settings.MaxBatchSize);
        while (true)
        {
            items.Clear();
            while (items.Count < settings.MaxBatchSize && queue.Reader.TryRead(out var item))
            {
                items.Add(item);
            }

            var nowMs = UnixTime.ToMs(time.GetUtcNow());
            var timersDue = nextTimerDueMs <= nowMs;
            if (items.Count == 0 && !inboxDirty && !timersDue)
            {
                if (queue.Reader.Completion.IsCompleted)
                {
                    return;
                }

                await WaitAsync(nowMs);
                continue;
            }

            if (connection is null)
            {
                try
                {
                    OpenStore();
                }
                catch (RuntimeStoreUnavailableException ex)
                {
                    LogStoreUnavailable(ex, database.FilePath);
                    FailUncommitted(items, ex);
                    if (queue.Reader.Completion.IsCompleted)
                    {
                        // Stopping with the disk still refusing: nothing is left to write, so do not wait for it.
                        return;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(1));
                    continue;
                }
            }

            try
            {
                ProcessBatch(items, timersDue);
            }
            catch (RuntimeStoreUnavailableException ex)
            {
                // Nothing was committed: callers already got the 503 exception and activity results wait to be
                // posted again. A connection that met a read-only file stays read-only, so the next turn reopens.
                LogStoreUnavailable(ex, database.FilePath);
                ResetStore();
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            catch (Exception ex)
            {
                LogBatchFailed(ex, items.Count);
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private async Task WaitAsync(long nowMs)
    {
        var wait = settings.PollInterval;
        if (nextTimerDueMs is { } due && TimeSpan.FromMilliseconds(due - nowMs) < wait)
        {
            wait = TimeSpan.FromMilliseconds(Math.Max(1, due - nowMs));
        }

        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await queue.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Woken by the poll interval or a due timer.
        }
    }
}
