namespace Serverless.Runtime.Store;

/// <summary>The SQLite tables. Times are Unix milliseconds (UTC) so they compare and index as integers.</summary>
internal static class Schema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS health_probe (
            id INTEGER PRIMARY KEY,
            checked_at INTEGER NOT NULL
        );

        CREATE TABLE IF NOT EXISTS instances (
            id TEXT PRIMARY KEY,
            workflow_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            status TEXT NOT NULL,
            state TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            ended_at INTEGER,
            dry_run INTEGER NOT NULL DEFAULT 0,
            idempotency_key TEXT,
            parent_id TEXT,
            failed_step TEXT,
            error_kind TEXT,
            error_message TEXT
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_instances_idempotency ON instances(workflow_id, idempotency_key)
            WHERE idempotency_key IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_instances_created ON instances(created_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS ix_instances_status ON instances(status, ended_at);

        -- The listing (newest first, keyset-paged) finds the first page of every filter combination in index order,
        -- with no sort: ix_instances_created when only the time is filtered, otherwise an ix_instances_by_* led by the
        -- equality filters (InstanceReader.ListIndex), with dry_run trailing so that it is filtered inside the index. Only by_status and by_workflow_status hold a column that updates change (status, ended_at; dry_run is
        -- written once), so the others cost nothing after the insert. The statistics read them without touching the
        -- table: by_workflow_status for the counts and durations, the others for the counts per bucket.
        CREATE INDEX IF NOT EXISTS ix_instances_by_workflow ON instances(workflow_id, created_at DESC, id DESC, dry_run);
        CREATE INDEX IF NOT EXISTS ix_instances_by_status ON instances(status, created_at DESC, id DESC, dry_run);
        CREATE INDEX IF NOT EXISTS ix_instances_by_workflow_status ON instances(workflow_id, status, created_at DESC, id DESC, ended_at, dry_run);
        CREATE INDEX IF NOT EXISTS ix_instances_by_dry_run ON instances(dry_run, created_at DESC, id DESC);

        CREATE TABLE IF NOT EXISTS inbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id TEXT NOT NULL,
            event TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            applied_at INTEGER
        );
        CREATE INDEX IF NOT EXISTS ix_inbox_pending ON inbox(seq) WHERE applied_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_inbox_instance ON inbox(instance_id);

        CREATE TABLE IF NOT EXISTS outbox (
            instance_id TEXT NOT NULL,
            id TEXT NOT NULL,
            workflow_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            command TEXT NOT NULL,
            due_at INTEGER,
            status TEXT NOT NULL,
            dry_run INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (instance_id, id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_outbox_pending ON outbox(kind, due_at) WHERE status = 'pending';

        CREATE TABLE IF NOT EXISTS channel_messages (
            id TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            payload TEXT,
            source_instance_id TEXT,
            created_at INTEGER NOT NULL,
            consumed_at INTEGER,
            dead_lettered_at INTEGER
        );
        CREATE INDEX IF NOT EXISTS ix_channel_messages_open ON channel_messages(created_at)
            WHERE consumed_at IS NULL AND dead_lettered_at IS NULL;

        CREATE TABLE IF NOT EXISTS consumers (
            message_id TEXT NOT NULL,
            workflow_id TEXT NOT NULL,
            instance_id TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (message_id, workflow_id)
        );

        CREATE TABLE IF NOT EXISTS schedules (
            workflow_id TEXT PRIMARY KEY,
            last_due_at INTEGER NOT NULL
        );
        """;
}

/// <summary>Values of outbox.kind and outbox.status.</summary>
internal static class OutboxKinds
{
    public const string Activity = "activity";
    public const string Timer = "timer";
    public const string Child = "child";
    public const string Emit = "emit";

    public const string Pending = "pending";
    public const string Done = "done";
    public const string Cancelled = "cancelled";
}
