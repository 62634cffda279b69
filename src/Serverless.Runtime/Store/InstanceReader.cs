using Microsoft.Data.Sqlite;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Runtime.Store;

/// <summary>Reads instances straight from the file (WAL readers never wait for the writer).</summary>
public sealed class InstanceReader(RuntimeDatabase database)
{
    public async Task<InstanceView?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, created_at, ended_at, dry_run FROM instances WHERE id = $id";
        command.Parameters.AddWithValue("$id", instanceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var state = InstanceState.FromJson(reader.GetString(0));
        return new InstanceView(
            state.InstanceId,
            state.WorkflowId,
            state.WorkflowVersion,
            state.Status,
            reader.GetInt64(3) != 0,
            UnixTime.FromMs(reader.GetInt64(1)),
            reader.IsDBNull(2) ? state.EndedAt : UnixTime.FromMs(reader.GetInt64(2)),
            state.Input,
            state.Output,
            state.Error,
            state.CustomStatus,
            state.Timeline);
    }

    public async Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 1000);
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        PrepareList(command, query, limit + 1);

        var items = new List<InstanceSummary>();
        var createdMs = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            createdMs.Add(reader.GetInt64(4));
            items.Add(new InstanceSummary(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt32(2),
                Enum.Parse<InstanceStatus>(reader.GetString(3)),
                UnixTime.FromMs(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : UnixTime.FromMs(reader.GetInt64(5)),
                reader.GetInt64(6) != 0,
                reader.IsDBNull(8) ? null : new ErrorInfo(reader.GetString(8), reader.IsDBNull(9) ? "" : reader.GetString(9), Text(reader, 7))));
        }

        if (items.Count <= limit)
        {
            return new InstancePage(items, null);
        }

        items.RemoveAt(limit);
        return new InstancePage(items, new InstanceCursor(createdMs[limit - 1], items[^1].InstanceId).Encode());
    }

    /// <summary>The listing's statement. Only the filters given appear in it (an "$x IS NULL OR" term would keep
    /// SQLite from using the index that leads with that column), so each combination finds its first page in
    /// index order, with no sort, in the index <see cref="ListIndex"/> names.</summary>
    internal static void PrepareList(SqliteCommand command, InstanceQuery query, int take)
    {
        var after = InstanceCursor.Decode(query.ContinuationToken);
        var where = new List<string>();
        void Filter(string term, string name, object? value)
        {
            if (value is not null)
            {
                where.Add(term);
                command.Parameters.AddWithValue(name, value);
            }
        }

        Filter("workflow_id = $wf", "$wf", query.WorkflowId);
        Filter("status = $status", "$status", query.Status?.ToString());
        Filter("dry_run = $dry", "$dry", query.DryRun is { } dry ? (dry ? 1 : 0) : null);
        Filter("created_at >= $from", "$from", query.CreatedFrom is { } from ? UnixTime.ToMs(from) : null);
        Filter("created_at <= $to", "$to", query.CreatedTo is { } to ? UnixTime.ToMs(to) : null);
        Filter("(created_at, id) < ($afterCreated, $afterId)", "$afterCreated", after?.CreatedMs);
        if (after is not null)
        {
            command.Parameters.AddWithValue("$afterId", after.Id);
        }

        command.CommandText = $"""
            SELECT id, workflow_id, version, status, created_at, ended_at, dry_run, failed_step, error_kind, error_message
            FROM instances INDEXED BY {ListIndex(query)} {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))}
            ORDER BY created_at DESC, id DESC
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", take);
    }

    /// <summary>The index led by the query's equality filters (Schema), named because SQLite, without statistics, can
    /// prefer a narrower index that leads with only one of them and look the other up in the table row by row. Those
    /// used with a dryRun filter hold dry_run, which is then filtered inside the index.</summary>
    internal static string ListIndex(InstanceQuery query) => (query.WorkflowId, query.Status) switch
    {
        (not null, not null) => "ix_instances_by_workflow_status",
        (not null, null) => "ix_instances_by_workflow",
        (null, not null) => "ix_instances_by_status",
        _ => query.DryRun is null ? "ix_instances_created" : "ix_instances_by_dry_run",
    };

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
