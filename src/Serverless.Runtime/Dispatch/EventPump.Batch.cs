using System.Text.Json;
using Serverless.Engine;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Catalog;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.Dispatch;

internal sealed partial class EventPump
{
    /// <summary>Everything one batch touches, and what to do once it is committed.</summary>
    private sealed class Batch(PumpWriteContext context)
    {
        public PumpWriteContext Context { get; } = context;
        public Dictionary<string, InstanceWork> Works { get; } = new(StringComparer.Ordinal);
        public List<InstanceWork> Order { get; } = [];
        public Dictionary<(string WorkflowId, string Key), string> StartedKeys { get; } = [];
        public List<Action> AfterCommit { get; } = [];
        public List<ActivityWork> Dispatch { get; } = [];
        public List<InstanceWork> Finished { get; } = [];
    }

    private void ProcessBatch(List<PumpItem> items, bool timersDue)
    {
        var now = time.GetUtcNow();
        using var transaction = BeginBatch(items);
        statements!.Enlist(transaction);
        var batch = new Batch(new PumpWriteContext(connection!, transaction, statements, now));
        try
        {
            var readInbox = inboxDirty;
            if (readInbox)
            {
                inboxDirty = CollectInbox(batch);
            }

            if (timersDue)
            {
                CollectTimers(batch);
            }

            var writes = new List<WriteItem>();
            foreach (var item in items)
            {
                switch (item)
                {
                    case StartItem start:
                        CollectStart(batch, start);
                        break;
                    case EventItem raised:
                        CollectEvent(batch, raised);
                        break;
                    case ActivityResultItem result:
                        CollectActivityResult(batch, result);
                        break;
                    case WriteItem write:
                        writes.Add(write);
                        break;
                }
            }

            ApplyAll(batch);
            WriteAll(batch);
            foreach (var write in writes)
            {
                var result = write.Action(batch.Context);
                batch.AfterCommit.Add(() => write.Done.TrySetResult(result));
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            var failure = RuntimeStoreUnavailableException.Wrap(ex, database.FilePath);
            Rollback(transaction, items, failure);
            if (failure != ex)
            {
                throw failure;
            }

            throw;
        }
        finally
        {
            statements.Enlist(null);
        }

        AfterCommit(batch);
    }

    /// <summary>BEGIN IMMEDIATE is the batch's first write: a read-only file refuses it before anything is applied.</summary>
    private Microsoft.Data.Sqlite.SqliteTransaction BeginBatch(List<PumpItem> items)
    {
        try
        {
            return connection!.BeginTransaction(deferred: false);
        }
        catch (Exception ex) when (RuntimeStoreUnavailableException.IsStorageFailure(ex))
        {
            var failure = RuntimeStoreUnavailableException.Wrap(ex, database.FilePath);
            FailUncommitted(items, failure);
            throw failure;
        }
    }

    private void Rollback(Microsoft.Data.Sqlite.SqliteTransaction transaction, List<PumpItem> items, Exception ex)
    {
        try
        {
            transaction.Rollback();
        }
        catch (Exception rollback) when (rollback is InvalidOperationException || RuntimeStoreUnavailableException.IsStorageFailure(rollback))
        {
            // Already rolled back by SQLite itself (or the file is gone with it): nothing was committed either way.
        }

        FailUncommitted(items, ex);
    }

    /// <summary>Nothing of these items was committed: callers get the error, activity results are posted again.</summary>
    private void FailUncommitted(List<PumpItem> items, Exception ex)
    {
        // States in the cache were mutated by the failed batch: reload everything from the file.
        cache.Clear();
        inboxDirty = true;
        nextTimerDueMs = 0;
        foreach (var item in items)
        {
            switch (item)
            {
                case StartItem start:
                    start.Done.TrySetException(ex);
                    break;
                case EventItem raised:
                    raised.Done.TrySetException(ex);
                    break;
                case WriteItem write:
                    write.Done.TrySetException(ex);
                    break;
                case ActivityResultItem result:
                    _ = RequeueLaterAsync(result);
                    break;
            }
        }
    }

    private async Task RequeueLaterAsync(PumpItem item)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        Post(item);
    }

    private void AfterCommit(Batch batch)
    {
        foreach (var work in batch.Order)
        {
            if (work.Entry.State.IsFinished)
            {
                cache.Remove(work.InstanceId);
            }
            else
            {
                cache.Put(work.InstanceId, work.Entry);
            }
        }

        foreach (var id in batch.Context.Evicted)
        {
            cache.Remove(id);
        }

        if (batch.Context.InboxTouched)
        {
            inboxDirty = true;
        }

        foreach (var work in batch.Dispatch)
        {
            activities!.Enqueue(work);
        }

        foreach (var action in batch.AfterCommit)
        {
            action();
        }

        foreach (var work in batch.Order)
        {
            LogSteps(work);
        }

        foreach (var work in batch.Finished)
        {
            var state = work.Entry.State;
            if (state.Error is { } error)
            {
                LogInstanceFailed(state.InstanceId, state.WorkflowId, error.StepId, error.Message);
            }
            else
            {
                LogInstanceEnded(state.InstanceId, state.WorkflowId, state.Status);
            }
            notifications.Publish(new InstanceFinished(state.InstanceId, state.WorkflowId, state.Status, batch.Context.Now));
        }
    }

    /// <summary>Reads unapplied inbox rows (events from other instances, or left by a crash); true when more remain.</summary>
    private bool CollectInbox(Batch batch)
    {
        var rows = new List<(long Seq, string InstanceId, string Event)>();
        using (var reader = statements!.SelectPendingInbox.Bind(settings.MaxBatchSize).Query())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (seq, instanceId, json) in rows)
        {
            statements.MarkInboxApplied.Bind(seq, batch.Context.NowMs).Execute();
            var @event = JsonSerializer.Deserialize<WorkflowEvent>(json, EngineJson.Options);
            if (@event is not null && GetWork(batch, instanceId) is { } work)
            {
                work.Events.Add(@event);
            }
        }

        return rows.Count >= settings.MaxBatchSize;
    }

    private void CollectTimers(Batch batch)
    {
        var due = new List<(string TimerId, string InstanceId)>();
        using (var reader = statements!.SelectDueTimers.Bind(batch.Context.NowMs, settings.MaxBatchSize).Query())
        {
            while (reader.Read())
            {
                due.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (timerId, instanceId) in due)
        {
            statements.CompleteOutbox.Bind(instanceId, timerId).Execute();
            GetWork(batch, instanceId)?.Events.Add(new TimerFired(timerId));
        }

        nextTimerDueMs = statements.NextTimer.Scalar() as long?;
    }

    private void CollectStart(Batch batch, StartItem item)
    {
        var request = item.Request;
        var definition = catalog.Find(request.WorkflowId, request.Version);
        if (definition is null)
        {
            batch.AfterCommit.Add(() => item.Done.TrySetException(new WorkflowNotFoundException(request.WorkflowId, request.Version)));
            return;
        }

        if (request.InstanceId is { } explicitId && (batch.Works.ContainsKey(explicitId) || statements!.SelectStatus.Bind(explicitId).Scalar() is not null))
        {
            batch.AfterCommit.Add(() => item.Done.TrySetResult(new StartResult(explicitId, Created: false)));
            return;
        }

        if (request.IdempotencyKey is { } key)
        {
            var existing = batch.StartedKeys.GetValueOrDefault((request.WorkflowId, key))
                ?? statements!.SelectIdByKey.Bind(request.WorkflowId, key).Scalar() as string;
            if (existing is not null)
            {
                batch.AfterCommit.Add(() => item.Done.TrySetResult(new StartResult(existing, Created: false)));
                return;
            }
        }

        var instanceId = request.InstanceId ?? Guid.CreateVersion7().ToString("N");
        if (request.IdempotencyKey is { } newKey)
        {
            batch.StartedKeys[(request.WorkflowId, newKey)] = instanceId;
        }

        var entry = new InstanceEntry(InstanceState.Create(instanceId, definition.Id, definition.Version), definition, parentId: null);
        var work = new InstanceWork(instanceId, entry, isNew: true) { IdempotencyKey = request.IdempotencyKey };
        work.Events.Add(new InstanceStarted(request.Input, request.Trigger, request.DryRun));
        batch.Works[instanceId] = work;
        batch.Order.Add(work);
        batch.AfterCommit.Add(() => item.Done.TrySetResult(new StartResult(instanceId, Created: true)));
    }

    private void CollectEvent(Batch batch, EventItem item)
    {
        var work = GetWork(batch, item.InstanceId);
        if (work is null || (item.Accept is not null && !item.Accept(work.Entry.State)))
        {
            batch.AfterCommit.Add(() => item.Done.TrySetResult(false));
            return;
        }

        // Kept as an applied inbox row: the instance's record of what was raised on it, and when.
        statements!.InsertInbox
            .Bind(item.InstanceId, JsonSerializer.Serialize(item.Event, EngineJson.Options), batch.Context.NowMs, batch.Context.NowMs)
            .Execute();
        work.Events.Add(item.Event);
        batch.AfterCommit.Add(() => item.Done.TrySetResult(true));
    }

    private void CollectActivityResult(Batch batch, ActivityResultItem item)
    {
        // Zero rows: the command already completed, was cancelled or purged; a duplicate result changes nothing.
        if (statements!.CompleteOutbox.Bind(item.InstanceId, item.CommandId).Execute() == 0)
        {
            LogStaleResult(item.InstanceId, item.CommandId);
            return;
        }

        GetWork(batch, item.InstanceId)?.Events.Add(item.Event);
    }

    private InstanceWork? GetWork(Batch batch, string instanceId)
    {
        if (batch.Works.TryGetValue(instanceId, out var work))
        {
            return work;
        }

        if (!cache.TryGet(instanceId, out var entry))
        {
            using var reader = statements!.SelectInstance.Bind(instanceId).Query();
            if (!reader.Read())
            {
                return null;
            }

            var state = InstanceState.FromJson(reader.GetString(0));
            entry = new InstanceEntry(state, catalog.Find(state.WorkflowId, state.WorkflowVersion), reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        work = new InstanceWork(instanceId, entry, isNew: false);
        batch.Works[instanceId] = work;
        batch.Order.Add(work);
        return work;
    }
}
