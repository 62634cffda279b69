using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Serverless.Connectors.Sandbox;

/// <summary>
/// <see cref="ISandboxCallLog"/> in a SQLite file (WAL). One row per distinct call: the unique key is
/// (idempotency key, connector, operation, request hash), so at-least-once retries do not duplicate entries
/// (INSERT OR IGNORE, which holds inside a batch too).
/// <para>
/// Writes go through one writer (group commit): <see cref="RecordAsync"/> queues the row and completes once the
/// transaction holding it has committed, and the writer commits whatever has queued meanwhile (up to
/// <see cref="MaxBatch"/> rows) in one transaction. Under load, N concurrent activities cost one commit, not N.
/// </para>
/// <para>
/// Durability trade-off: the writer runs with <c>PRAGMA synchronous = NORMAL</c>, so a commit writes the WAL but does
/// not fsync it (SQLite fsyncs at checkpoints). A committed call survives a crash of this process, but the last calls
/// before a power loss or an OS crash can be lost. That is acceptable here, and only here: this log is a record of
/// calls that were NOT made (sandbox mode, dry runs). Nothing outside depends on it; the step results that matter
/// (the fake ids) are in the runtime's own store, which keeps its configured durability, and the fake ids are derived
/// from the idempotency key, so a replay records the same calls again. Before this change each call was its own
/// fsynced transaction, the main cost of the intake benchmark with the workflow running (docs/request-handler.md).
/// </para>
/// </summary>
internal sealed class SqliteSandboxCallLog : ISandboxCallLog, IDisposable, IAsyncDisposable
{
    /// <summary>Most rows committed in one transaction.</summary>
    public const int MaxBatch = 256;

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS sandbox_calls (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id TEXT NOT NULL,
            workflow_id TEXT NOT NULL,
            step_key TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            connector TEXT NOT NULL,
            operation TEXT NOT NULL,
            request TEXT NOT NULL,
            request_hash TEXT NOT NULL,
            result TEXT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (idempotency_key, connector, operation, request_hash));
        CREATE INDEX IF NOT EXISTS ix_sandbox_calls_instance ON sandbox_calls (instance_id, seq);
        """;

    private const string Insert = """
        INSERT OR IGNORE INTO sandbox_calls
            (instance_id, workflow_id, step_key, idempotency_key, connector, operation, request, request_hash, result, recorded_at)
        VALUES ($instance, $workflow, $step, $key, $connector, $operation, $request, $hash, $result, $at);
        """;

    private static readonly string[] Parameters = ["$instance", "$workflow", "$step", "$key", "$connector", "$operation", "$request", "$hash", "$result", "$at"];

    private readonly string _connectionString;
    private readonly Lazy<Task> _ready;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private int _disposed;

    public SqliteSandboxCallLog(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true }.ToString();
        _ready = new Lazy<Task>(CreateSchemaAsync);
        _writer = Task.Run(WriteLoopAsync);
    }

    public string DatabasePath => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    public Task RecordAsync(SandboxCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();

        // Serialised and hashed on the caller's thread, so the single writer only binds and steps.
        var request = call.Request.ToJsonString();
        var row = new object[]
        {
            call.InstanceId, call.WorkflowId, call.StepKey, call.IdempotencyKey, call.Connector, call.Operation, request,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request))),
            (object?)call.Result?.ToJsonString() ?? DBNull.Value,
            call.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        var pending = new Pending(row, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        // A cancelled caller stops waiting; the row may still be committed (as a call already sent would be).
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SandboxCall>> ListAsync(string instanceId, CancellationToken cancellationToken)
    {
        await _ready.Value;
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT connector, operation, instance_id, workflow_id, step_key, idempotency_key, request, result, recorded_at
            FROM sandbox_calls WHERE instance_id = $instance ORDER BY seq;
            """;
        command.Parameters.AddWithValue("$instance", instanceId);
        var calls = new List<SandboxCall>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            calls.Add(new SandboxCall(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                JsonNode.Parse(reader.GetString(6))!,
                reader.IsDBNull(7) ? null : JsonNode.Parse(reader.GetString(7)),
                DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        return calls;
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        Writer? writer = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                try
                {
                    await _ready.Value.ConfigureAwait(false);
                    writer ??= new Writer(_connectionString);
                    writer.Commit(batch);
                    batch.ForEach(p => p.Done.TrySetResult());
                }
                catch (Exception ex)
                {
                    // The connection may be unusable: start over with a fresh one, then commit the rows one by one so
                    // only the row that fails reports the failure.
                    writer?.Dispose();
                    writer = null;
                    if (batch.Count == 1)
                    {
                        batch[0].Done.TrySetException(ex);
                    }
                    else
                    {
                        foreach (var pending in batch)
                        {
                            try
                            {
                                writer ??= new Writer(_connectionString);
                                writer.Commit([pending]);
                                pending.Done.TrySetResult();
                            }
                            catch (Exception single)
                            {
                                writer?.Dispose();
                                writer = null;
                                pending.Done.TrySetException(single);
                            }
                        }
                    }
                }

                batch.Clear();
            }
        }
        finally
        {
            writer?.Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _queue.Writer.TryComplete();
            _writer.GetAwaiter().GetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _queue.Writer.TryComplete();
            await _writer.ConfigureAwait(false);
        }
    }

    private sealed record Pending(object[] Row, TaskCompletionSource Done);

    /// <summary>The writer's own connection (synchronous = NORMAL is per connection) and prepared insert.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _insert;

        public Writer(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            using (var pragma = _connection.CreateCommand())
            {
                // See the class comment for the durability trade-off.
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
                pragma.ExecuteNonQuery();
            }

            _insert = _connection.CreateCommand();
            _insert.CommandText = Insert;
            foreach (var name in Parameters)
            {
                _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
        }

        public void Commit(IReadOnlyList<Pending> rows)
        {
            using var transaction = _connection.BeginTransaction();
            _insert.Transaction = transaction;
            foreach (var pending in rows)
            {
                for (var i = 0; i < Parameters.Length; i++)
                {
                    _insert.Parameters[i].Value = pending.Row[i];
                }

                _insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        public void Dispose()
        {
            _insert.Dispose();
            _connection.Dispose();
        }
    }
}
