using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Connectors.DependencyInjection;
using Serverless.Connectors.Sandbox;

namespace Serverless.Bench.Intake;

/// <summary>
/// The sandbox call log alone (--sandbox-log): W concurrent writers record calls shaped like the request handler's
/// for a few seconds, through the shipped log (group commit, synchronous=NORMAL) and through
/// <see cref="PerCallFsyncLog"/>, a copy of the log before that change (one fsynced transaction per call), run
/// alternately on the same disk so the comparison survives a noisy machine.
/// </summary>
internal static class SandboxLogBench
{
    public static async Task RunAsync(int seconds, int writers, int rounds)
    {
        Console.WriteLine($"Sandbox call log: {writers} concurrent writers, {seconds} s per run, {rounds} rounds, {Environment.ProcessorCount} cores");
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var shipped in new[] { false, true })
            {
                var folder = Path.Combine(Path.GetTempPath(), "sandbox-log-bench-" + Guid.NewGuid().ToString("N")[..8]);
                var path = Path.Combine(folder, "sandbox-calls.db");
                var services = new ServiceCollection()
                    .AddConnectors(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Connectors:Sandbox:DatabasePath"] = path }).Build())
                    .BuildServiceProvider();
                ISandboxCallLog log = shipped ? services.GetRequiredService<ISandboxCallLog>() : new PerCallFsyncLog(path);
                try
                {
                    var (calls, p50, p99) = await MeasureAsync(log, TimeSpan.FromSeconds(seconds), writers);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  round {round}, {(shipped ? "group commit, synchronous=NORMAL" : "before: one fsynced commit per call")}: {calls / seconds:0} calls/s, p50 {p50:0.00} ms, p99 {p99:0.00} ms per call"));
                }
                finally
                {
                    await services.DisposeAsync();
                    SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    private static async Task<(int Calls, double P50, double P99)> MeasureAsync(ISandboxCallLog log, TimeSpan duration, int writers)
    {
        await log.RecordAsync(Call(-1), default);
        var watch = Stopwatch.StartNew();
        var latencies = new List<double>[writers];
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            while (watch.Elapsed < duration)
            {
                var started = watch.Elapsed;
                await log.RecordAsync(Call(Interlocked.Increment(ref next)), default);
                mine.Add((watch.Elapsed - started).TotalMilliseconds);
            }
        })));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return (all.Count, all[all.Count / 2], all[Math.Min(all.Count - 1, (int)Math.Ceiling(0.99 * all.Count) - 1)]);
    }

    private static SandboxCall Call(int n) => new("HubSpot", "CreateTicketAsync", $"instance-{n / 4}", "request-handler", "ticket", $"instance-{n / 4}:ticket:{n}",
        new JsonObject
        {
            ["method"] = "POST",
            ["path"] = "/crm/v3/objects/tickets",
            ["body"] = new JsonObject { ["properties"] = new JsonObject { ["subject"] = $"[MODELISATION] Modélisation 3D maison {n}", ["content"] = new string('x', 600) } },
        },
        new JsonObject { ["id"] = (10_000_000_000L + n).ToString(CultureInfo.InvariantCulture) }, DateTimeOffset.UtcNow);

    /// <summary>The sandbox log as it was: a pooled connection per call, one autocommit INSERT, WAL with SQLite's
    /// default synchronous=FULL (an fsync per commit).</summary>
    private sealed class PerCallFsyncLog : ISandboxCallLog
    {
        private readonly string connectionString;

        public PerCallFsyncLog(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS sandbox_calls (seq INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL,
                    workflow_id TEXT NOT NULL, step_key TEXT NOT NULL, idempotency_key TEXT NOT NULL, connector TEXT NOT NULL,
                    operation TEXT NOT NULL, request TEXT NOT NULL, request_hash TEXT NOT NULL, result TEXT NULL, recorded_at TEXT NOT NULL,
                    UNIQUE (idempotency_key, connector, operation, request_hash));
                CREATE INDEX IF NOT EXISTS ix_sandbox_calls_instance ON sandbox_calls (instance_id, seq);
                """;
            command.ExecuteNonQuery();
        }

        public async Task RecordAsync(SandboxCall call, CancellationToken cancellationToken)
        {
            var request = call.Request.ToJsonString();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT OR IGNORE INTO sandbox_calls
                    (instance_id, workflow_id, step_key, idempotency_key, connector, operation, request, request_hash, result, recorded_at)
                VALUES ($instance, $workflow, $step, $key, $connector, $operation, $request, $hash, $result, $at);
                """;
            command.Parameters.AddWithValue("$instance", call.InstanceId);
            command.Parameters.AddWithValue("$workflow", call.WorkflowId);
            command.Parameters.AddWithValue("$step", call.StepKey);
            command.Parameters.AddWithValue("$key", call.IdempotencyKey);
            command.Parameters.AddWithValue("$connector", call.Connector);
            command.Parameters.AddWithValue("$operation", call.Operation);
            command.Parameters.AddWithValue("$request", request);
            command.Parameters.AddWithValue("$hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request))));
            command.Parameters.AddWithValue("$result", (object?)call.Result?.ToJsonString() ?? DBNull.Value);
            command.Parameters.AddWithValue("$at", call.RecordedAt.ToString("O", CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public Task<IReadOnlyList<SandboxCall>> ListAsync(string instanceId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
