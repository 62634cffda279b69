using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Store;

namespace Serverless.Host.Tests.Stats;

/// <summary>Five instances with known times and outcomes (four from 2026-03-01 to 2026-03-03, one at the end of that
/// range), as listing summaries and as rows of the embedded runtime, and the answer GET /api/stats must give for them.</summary>
internal static class StatsInstances
{
    public const string Range = "from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z&bucket=day";

    public static IReadOnlyList<InstanceSummary> Summaries(string prefix) =>
    [
        Summary($"{prefix}-h1", $"{prefix}-hello", InstanceStatus.Completed, At(1, 8), 1500),
        Summary($"{prefix}-h2", $"{prefix}-hello", InstanceStatus.Failed, At(1, 9), 500, dryRun: true) with
        {
            Error = new ErrorInfo("Permanent", "The mail server refused.", "send"),
        },
        Summary($"{prefix}-h3", $"{prefix}-hello", InstanceStatus.Completed, At(2, 10), 2500),
        Summary($"{prefix}-g1", $"{prefix}-greet", InstanceStatus.Waiting, At(2, 11), null, dryRun: true),
        Summary($"{prefix}-late", $"{prefix}-hello", InstanceStatus.Completed, At(3, 0), 10),
    ];

    private static readonly string TwoThirds = (2.0 / 3).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>completed / (completed + failed + terminated) = 2/3; durations 500, 1500, 2500 (nearest rank).</summary>
    public static JsonNode Expected(string prefix) => JsonNode.Parse($$"""
        {
          "from": "2026-03-01T00:00:00+00:00", "to": "2026-03-03T00:00:00+00:00", "bucket": "day",
          "totals": { "executions": 4, "completed": 2, "failed": 1, "terminated": 0, "running": 1, "successRate": {{TwoThirds}},
                      "durationMs": { "p50": 1500, "p95": 2500, "p99": 2500, "max": 2500 } },
          "workflows": [
            { "workflowId": "{{prefix}}-hello", "executions": 3, "completed": 2, "failed": 1, "terminated": 0, "running": 0,
              "successRate": {{TwoThirds}}, "lastRunAt": "2026-03-02T10:00:00+00:00",
              "durationMs": { "p50": 1500, "p95": 2500, "p99": 2500, "max": 2500 } },
            { "workflowId": "{{prefix}}-greet", "executions": 1, "completed": 0, "failed": 0, "terminated": 0, "running": 1,
              "successRate": null, "lastRunAt": "2026-03-02T11:00:00+00:00",
              "durationMs": { "p50": null, "p95": null, "p99": null, "max": null } }
          ],
          "series": [
            { "start": "2026-03-01T00:00:00+00:00", "executions": 2, "completed": 1, "failed": 1 },
            { "start": "2026-03-02T00:00:00+00:00", "executions": 2, "completed": 1, "failed": 0 }
          ],
          "truncated": false
        }
        """)!;

    /// <summary>Writes the instances as rows of the embedded runtime's table, as its pump would have left them.</summary>
    public static void Insert(RuntimeDatabase database, string prefix)
    {
        using var connection = database.Open();
        foreach (var s in Summaries(prefix))
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO instances (id, workflow_id, version, status, state, created_at, ended_at, dry_run, failed_step, error_kind, error_message)
                VALUES ($id, $wf, 1, $status, '{}', $created, $ended, $dry, $step, $kind, $message)
                """;
            Add(insert, "$id", s.InstanceId);
            Add(insert, "$wf", s.WorkflowId);
            Add(insert, "$status", s.Status.ToString());
            Add(insert, "$created", s.CreatedAt.ToUnixTimeMilliseconds());
            Add(insert, "$ended", s.EndedAt?.ToUnixTimeMilliseconds());
            Add(insert, "$dry", s.DryRun ? 1 : 0);
            Add(insert, "$step", s.Error?.StepId);
            Add(insert, "$kind", s.Error?.Kind);
            Add(insert, "$message", s.Error?.Message);
            insert.ExecuteNonQuery();
        }
    }

    private static void Add(SqliteCommand command, string name, object? value) => command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    private static DateTimeOffset At(int day, int hour) => new(2026, 3, day, hour, 0, 0, TimeSpan.Zero);

    private static InstanceSummary Summary(string id, string workflowId, InstanceStatus status, DateTimeOffset created, long? durationMs, bool dryRun = false) =>
        new(id, workflowId, 1, status, created, durationMs is { } d ? created.AddMilliseconds(d) : null, dryRun);
}
