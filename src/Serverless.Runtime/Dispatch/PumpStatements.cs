using Microsoft.Data.Sqlite;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.Dispatch;

/// <summary>The pump's prepared statements, on its one long-lived write connection.</summary>
internal sealed class PumpStatements : IDisposable
{
    private readonly List<Statement> all = [];

    public PumpStatements(SqliteConnection connection)
    {
        Statement S(string sql, params string[] names)
        {
            var statement = new Statement(connection, sql, names);
            all.Add(statement);
            return statement;
        }

        SelectInstance = S("SELECT state, parent_id FROM instances WHERE id = $id", "$id");
        SelectStatus = S("SELECT status FROM instances WHERE id = $id", "$id");
        SelectIdByKey = S("SELECT id FROM instances WHERE workflow_id = $wf AND idempotency_key = $key", "$wf", "$key");
        InsertInstance = S("""
            INSERT OR IGNORE INTO instances (id, workflow_id, version, status, state, created_at, ended_at, dry_run,
                idempotency_key, parent_id, failed_step, error_kind, error_message)
            VALUES ($id, $wf, $version, $status, $state, $created, $ended, $dry, $key, $parent, $step, $kind, $message)
            """, "$id", "$wf", "$version", "$status", "$state", "$created", "$ended", "$dry", "$key", "$parent", "$step", "$kind", "$message");
        UpdateInstance = S("""
            UPDATE instances SET status = $status, state = $state, ended_at = $ended,
                failed_step = $step, error_kind = $kind, error_message = $message
            WHERE id = $id
            """, "$id", "$status", "$state", "$ended", "$step", "$kind", "$message");
        InsertInbox = S("INSERT INTO inbox (instance_id, event, created_at, applied_at) VALUES ($id, $event, $created, $applied)",
            "$id", "$event", "$created", "$applied");
        SelectPendingInbox = S("SELECT seq, instance_id, event FROM inbox WHERE applied_at IS NULL ORDER BY seq LIMIT $limit", "$limit");
        MarkInboxApplied = S("UPDATE inbox SET applied_at = $now WHERE seq = $seq", "$seq", "$now");
        UpsertOutbox = S("""
            INSERT INTO outbox (id, instance_id, workflow_id, kind, command, due_at, status, dry_run, created_at)
            VALUES ($id, $instance, $wf, $kind, $command, $due, 'pending', $dry, $created)
            ON CONFLICT(instance_id, id) DO UPDATE SET status = 'pending', command = excluded.command, due_at = excluded.due_at
            WHERE outbox.status <> 'pending'
            """, "$id", "$instance", "$wf", "$kind", "$command", "$due", "$dry", "$created");
        InsertOutboxDone = S("""
            INSERT OR IGNORE INTO outbox (id, instance_id, workflow_id, kind, command, due_at, status, dry_run, created_at)
            VALUES ($id, $instance, $wf, $kind, $command, NULL, 'done', $dry, $created)
            """, "$id", "$instance", "$wf", "$kind", "$command", "$dry", "$created");
        CompleteOutbox = S("UPDATE outbox SET status = 'done' WHERE instance_id = $instance AND id = $id AND status = 'pending'",
            "$instance", "$id");
        SelectDueTimers = S("""
            SELECT id, instance_id FROM outbox
            WHERE kind = 'timer' AND status = 'pending' AND due_at <= $now ORDER BY due_at LIMIT $limit
            """, "$now", "$limit");
        NextTimer = S("SELECT MIN(due_at) FROM outbox WHERE kind = 'timer' AND status = 'pending'");
        CancelOutbox = S("UPDATE outbox SET status = 'cancelled' WHERE instance_id = $id AND status = 'pending'", "$id");
        SelectPendingActivities = S("""
            SELECT instance_id, workflow_id, command, dry_run FROM outbox WHERE kind = 'activity' AND status = 'pending'
            """);
    }

    public Statement SelectInstance { get; }
    public Statement SelectStatus { get; }
    public Statement SelectIdByKey { get; }
    public Statement InsertInstance { get; }
    public Statement UpdateInstance { get; }
    public Statement InsertInbox { get; }
    public Statement SelectPendingInbox { get; }
    public Statement MarkInboxApplied { get; }
    public Statement UpsertOutbox { get; }
    public Statement InsertOutboxDone { get; }
    public Statement CompleteOutbox { get; }
    public Statement SelectDueTimers { get; }
    public Statement NextTimer { get; }
    public Statement CancelOutbox { get; }
    public Statement SelectPendingActivities { get; }

    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var statement in all)
        {
            statement.Transaction = transaction;
        }
    }

    public void Dispose()
    {
        foreach (var statement in all)
        {
            statement.Dispose();
        }
    }
}
