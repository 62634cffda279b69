using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Serverless.Connectors.Sandbox;

/// <summary><see cref="ISandboxCallLog"/> in a SQLite file (WAL). One row per distinct call: the unique key is
/// (idempotency key, connector, operation, request hash), so at-least-once retries do not duplicate entries.</summary>
internal sealed class SqliteSandboxCallLog : ISandboxCallLog
{
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

    private readonly string _connectionString;
    private readonly Lazy<Task> _ready;

    public SqliteSandboxCallLog(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true }.ToString();
        _ready = new Lazy<Task>(() => ExecuteAsync(Schema, _ => { }, CancellationToken.None));
    }

    public string DatabasePath => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    public async Task RecordAsync(SandboxCall call, CancellationToken cancellationToken)
    {
        await _ready.Value;
        var request = call.Request.ToJsonString();
        await ExecuteAsync("""
            INSERT OR IGNORE INTO sandbox_calls
                (instance_id, workflow_id, step_key, idempotency_key, connector, operation, request, request_hash, result, recorded_at)
            VALUES ($instance, $workflow, $step, $key, $connector, $operation, $request, $hash, $result, $at);
            """, p =>
        {
            p.AddWithValue("$instance", call.InstanceId);
            p.AddWithValue("$workflow", call.WorkflowId);
            p.AddWithValue("$step", call.StepKey);
            p.AddWithValue("$key", call.IdempotencyKey);
            p.AddWithValue("$connector", call.Connector);
            p.AddWithValue("$operation", call.Operation);
            p.AddWithValue("$request", request);
            p.AddWithValue("$hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request))));
            p.AddWithValue("$result", (object?)call.Result?.ToJsonString() ?? DBNull.Value);
            p.AddWithValue("$at", call.RecordedAt.ToString("O", CultureInfo.InvariantCulture));
        }, cancellationToken);
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

    private async Task ExecuteAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
