using System.Text.Json.Nodes;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Channels;
using Serverless.Runtime.Dispatch;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.DeadLetters;

internal sealed class DeadLetterStore(RuntimeDatabase database, IWorkflowClient client, EventPump pump, ChannelRouter router)
    : IDeadLetterStore
{
    public async Task<DeadLetters> ListAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, 1000);
        await using var connection = database.Open();
        var instances = new List<FailedInstance>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, workflow_id, version, failed_step, error_kind, error_message, created_at, ended_at
                FROM instances WHERE status = 'Failed' ORDER BY ended_at DESC LIMIT $limit
                """;
            command.Parameters.AddWithValue("$limit", limit);
            await using var rows = await command.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
            {
                instances.Add(new FailedInstance(rows.GetString(0), rows.GetString(1), rows.GetInt32(2),
                    rows.IsDBNull(3) ? null : rows.GetString(3), rows.IsDBNull(4) ? null : rows.GetString(4),
                    rows.IsDBNull(5) ? null : rows.GetString(5), UnixTime.FromMs(rows.GetInt64(6)),
                    rows.IsDBNull(7) ? null : UnixTime.FromMs(rows.GetInt64(7))));
            }
        }

        var messages = new List<DeadMessage>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, channel, payload, source_instance_id, created_at, dead_lettered_at
                FROM channel_messages WHERE dead_lettered_at IS NOT NULL ORDER BY dead_lettered_at DESC LIMIT $limit
                """;
            command.Parameters.AddWithValue("$limit", limit);
            await using var rows = await command.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
            {
                messages.Add(new DeadMessage(rows.GetString(0), rows.GetString(1),
                    rows.IsDBNull(2) ? null : JsonNode.Parse(rows.GetString(2)), rows.IsDBNull(3) ? null : rows.GetString(3),
                    UnixTime.FromMs(rows.GetInt64(4)), UnixTime.FromMs(rows.GetInt64(5))));
            }
        }

        return new DeadLetters(instances, messages);
    }

    public async Task<DeadLetterEntries> PageAsync(string? workflowId, int limit, string? continuationToken, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, 1000);
        var after = continuationToken is null ? null : DeadLetterCursor.Decode(continuationToken);
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT kind, id, workflow_id, failed_step, error_kind, reason, at, channel FROM (
              SELECT 'instance' AS kind, id, workflow_id, failed_step, error_kind, error_message AS reason,
                     COALESCE(ended_at, created_at) AS at, NULL AS channel
              FROM instances WHERE status = 'Failed' AND ($workflow IS NULL OR workflow_id = $workflow)
              UNION ALL
              SELECT 'message', id, NULL, NULL, NULL, NULL, dead_lettered_at, channel
              FROM channel_messages WHERE dead_lettered_at IS NOT NULL AND $workflow IS NULL)
            WHERE $afterAt IS NULL OR at < $afterAt OR (at = $afterAt AND id < $afterId)
            ORDER BY at DESC, id DESC LIMIT $take
            """;
        command.Parameters.AddWithValue("$workflow", (object?)workflowId ?? DBNull.Value);
        command.Parameters.AddWithValue("$afterAt", (object?)after?.AtMs ?? DBNull.Value);
        command.Parameters.AddWithValue("$afterId", (object?)after?.Id ?? DBNull.Value);
        command.Parameters.AddWithValue("$take", limit + 1);
        var items = new List<(DeadLetterEntry Entry, long AtMs)>();
        await using (var rows = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                var atMs = rows.GetInt64(6);
                items.Add((new DeadLetterEntry(rows.GetString(0), rows.GetString(1), Text(rows, 2), Text(rows, 3), Text(rows, 4), Text(rows, 5),
                    UnixTime.FromMs(atMs), Text(rows, 7)), atMs));
            }
        }

        var more = items.Count > limit;
        var page = items.Take(limit).ToList();
        return new DeadLetterEntries(page.Select(i => i.Entry).ToList(), more ? new DeadLetterCursor(page[^1].AtMs, page[^1].Entry.Id).Encode() : null);
    }

    private static string? Text(Microsoft.Data.Sqlite.SqliteDataReader rows, int ordinal) => rows.IsDBNull(ordinal) ? null : rows.GetString(ordinal);

    public Task<bool> ReplayInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        client.ReplayAsync(instanceId, cancellationToken);

    public Task<MessageRedelivery?> RedeliverMessageAsync(string messageId, CancellationToken cancellationToken = default) =>
        pump.WriteAsync<MessageRedelivery?>(context =>
        {
            using var select = context.Command("SELECT channel, payload FROM channel_messages WHERE id = $id AND dead_lettered_at IS NOT NULL");
            select.Parameters.AddWithValue("$id", messageId);
            using var row = select.ExecuteReader();
            if (!row.Read())
            {
                return null;
            }

            var channel = row.GetString(0);
            var payload = row.IsDBNull(1) ? null : JsonNode.Parse(row.GetString(1));
            return new MessageRedelivery(channel, router.Route(context, messageId, channel, payload));
        }).WaitAsync(cancellationToken);
}
