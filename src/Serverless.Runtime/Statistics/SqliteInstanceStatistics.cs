using System.Globalization;
using Microsoft.Data.Sqlite;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.Statistics;

/// <summary>Statistics of the embedded runtime: two statements over covering indexes (Schema: ix_instances_by_*), in
/// one read transaction so that they see the same instances. See <see cref="Statements"/>.</summary>
internal sealed class SqliteInstanceStatistics(RuntimeDatabase database) : IInstanceStatistics
{
    public async Task<InstanceStatistics> ComputeAsync(StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var builder = new InstanceStatisticsBuilder(query);
        var statements = Statements(query);
        await using var connection = database.Open();
        // Deferred: a read transaction, which neither waits for nor blocks the pump's writes (WAL).
        await using var transaction = connection.BeginTransaction(deferred: true);

        await using (var groups = Command(connection, transaction, statements[0], query, builder))
        await using (var rows = await groups.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                var (workflowId, status) = (rows.GetString(0), Enum.Parse<InstanceStatus>(rows.GetString(1)));
                builder.AddCounts(workflowId, status, rows.GetInt32(2), rows.GetInt64(3));
                if (InstanceStatisticsBuilder.IsFinished(status) && !rows.IsDBNull(4))
                {
                    AddDurations(builder, workflowId, rows.GetString(4));
                }
            }
        }

        await using (var series = Command(connection, transaction, statements[1], query, builder))
        await using (var rows = await series.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                builder.AddBucket(rows.GetInt32(0), rows.GetInt32(1), rows.GetInt32(2), rows.GetInt32(3));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return builder.Build();
    }

    /// <summary>1. Per workflow and status: the count, the newest creation and the durations of the ended instances as
    /// one comma-separated text, grouped in the order of ix_instances_by_workflow_status, with no sort (SQLite left to
    /// itself reads the range from ix_instances_created and sorts it for the GROUP BY: about 100 ms more at 100,000
    /// instances). SQLite has no percentile function, and reading a row per duration through ADO.NET costs about as
    /// much again as this whole statement. 2. Per bucket, three counts of an index range each (a GROUP BY of a computed bucket sorts
    /// the range: four times slower).</summary>
    internal static string[] Statements(StatisticsQuery query)
    {
        var range = (query.WorkflowId is null ? "" : "workflow_id = $wf AND ") + "created_at >= $from AND created_at < $to";
        var bucket = (query.WorkflowId is null ? "" : "workflow_id = $wf AND ") + "created_at >= MAX(lo, $from) AND created_at < MIN(hi, $to)";
        return
        [
            $"""
            SELECT workflow_id, status, COUNT(*), MAX(created_at), group_concat(MAX(ended_at - created_at, 0))
            FROM instances INDEXED BY ix_instances_by_workflow_status WHERE {range}
            GROUP BY workflow_id, status
            """,
            $"""
            WITH RECURSIVE buckets(i, lo, hi) AS (
              SELECT 0, $origin, $origin + $size
              UNION ALL SELECT i + 1, hi, hi + $size FROM buckets WHERE hi < $to)
            SELECT i,
                   (SELECT COUNT(*) FROM instances WHERE {bucket}),
                   (SELECT COUNT(*) FROM instances WHERE status = 'Completed' AND {bucket}),
                   (SELECT COUNT(*) FROM instances WHERE status = 'Failed' AND {bucket})
            FROM buckets
            """,
        ];
    }

    private static void AddDurations(InstanceStatisticsBuilder builder, string workflowId, string durations)
    {
        var text = durations.AsSpan();
        foreach (var part in text.Split(','))
        {
            builder.AddDuration(workflowId, long.Parse(text[part], NumberStyles.None, CultureInfo.InvariantCulture));
        }
    }

    internal static void Bind(SqliteCommand command, StatisticsQuery query, InstanceStatisticsBuilder builder)
    {
        command.Parameters.AddWithValue("$from", UnixTime.ToMs(query.From));
        command.Parameters.AddWithValue("$to", UnixTime.ToMs(query.To));
        command.Parameters.AddWithValue("$origin", builder.OriginMs);
        command.Parameters.AddWithValue("$size", builder.BucketMs);
        if (query.WorkflowId is not null)
        {
            command.Parameters.AddWithValue("$wf", query.WorkflowId);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, StatisticsQuery query,
        InstanceStatisticsBuilder builder)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, query, builder);
        return command;
    }
}
