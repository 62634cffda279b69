using Microsoft.Extensions.Options;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.Tests.Support;

/// <summary>An instances row written straight into the runtime's table, with the times and outcome a test needs.</summary>
internal sealed record InstanceRow(
    string Id,
    string WorkflowId,
    InstanceStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt = null,
    bool DryRun = false,
    ErrorInfo? Error = null);

internal static class InstanceRows
{
    private static readonly string[] Columns = ["$id", "$wf", "$status", "$created", "$ended", "$dry", "$step", "$kind", "$message"];

    public static RuntimeDatabase Database(string folder) =>
        new(Options.Create(new WorkflowRuntimeOptions { DataFolder = folder, Durability = SqliteDurability.Normal }));

    /// <summary>Inserts the rows in one transaction, each with <paramref name="state"/> as its state column.</summary>
    public static void Insert(RuntimeDatabase database, IEnumerable<InstanceRow> rows, string state = "{}")
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO instances (id, workflow_id, version, status, state, created_at, ended_at, dry_run, failed_step, error_kind, error_message)
            VALUES ($id, $wf, 1, $status, $state, $created, $ended, $dry, $step, $kind, $message)
            """;
        var parameters = Columns.Select(name => insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = name }))
            .ToArray();
        insert.Parameters.AddWithValue("$state", state);
        foreach (var row in rows)
        {
            object?[] values =
            [
                row.Id, row.WorkflowId, row.Status.ToString(), row.CreatedAt.ToUnixTimeMilliseconds(), row.EndedAt?.ToUnixTimeMilliseconds(),
                row.DryRun ? 1 : 0, row.Error?.StepId, row.Error?.Kind, row.Error?.Message,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
