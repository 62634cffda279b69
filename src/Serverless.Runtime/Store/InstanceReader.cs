using System.Globalization;
using System.Text;
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
        var after = DecodeToken(query.ContinuationToken);
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, workflow_id, version, status, created_at, ended_at, dry_run FROM instances
            WHERE ($wf IS NULL OR workflow_id = $wf)
              AND ($status IS NULL OR status = $status)
              AND ($from IS NULL OR created_at >= $from)
              AND ($to IS NULL OR created_at <= $to)
              AND ($afterCreated IS NULL OR created_at < $afterCreated OR (created_at = $afterCreated AND id < $afterId))
            ORDER BY created_at DESC, id DESC
            LIMIT $limit
            """;
        Add(command, "$wf", query.WorkflowId);
        Add(command, "$status", query.Status?.ToString());
        Add(command, "$from", query.CreatedFrom is { } from ? UnixTime.ToMs(from) : null);
        Add(command, "$to", query.CreatedTo is { } to ? UnixTime.ToMs(to) : null);
        Add(command, "$afterCreated", after?.CreatedMs);
        Add(command, "$afterId", after?.Id);
        Add(command, "$limit", limit + 1);

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
                reader.GetInt64(6) != 0));
        }

        if (items.Count <= limit)
        {
            return new InstancePage(items, null);
        }

        items.RemoveAt(limit);
        return new InstancePage(items, EncodeToken(createdMs[limit - 1], items[^1].InstanceId));
    }

    private static void Add(SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    private static string EncodeToken(long createdMs, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{createdMs.ToString(CultureInfo.InvariantCulture)}|{id}"));

    private static (long CreatedMs, string Id)? DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.Integer, CultureInfo.InvariantCulture, out var created))
            {
                return (created, text[(bar + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Reported below as the same error as a token that decodes to nonsense.
        }

        throw new ArgumentException("The continuation token is not valid.", nameof(token));
    }
}
