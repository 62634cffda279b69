using Serverless.Runtime.Dispatch;

namespace Serverless.Runtime.Store;

/// <summary>Deletes instances with their inbox, outbox and consumer rows (DELETE /api/instances/{id}, retention).</summary>
internal static class InstancePurge
{
    public static bool Purge(PumpWriteContext context, string instanceId)
    {
        using var command = context.Command("""
            DELETE FROM inbox WHERE instance_id = $id;
            DELETE FROM outbox WHERE instance_id = $id;
            DELETE FROM consumers WHERE instance_id = $id;
            DELETE FROM instances WHERE id = $id;
            """);
        command.Parameters.AddWithValue("$id", instanceId);
        context.Evict(instanceId);
        using var check = context.Command("SELECT changes()");
        command.ExecuteNonQuery();
        return (long)check.ExecuteScalar()! > 0;
    }

    /// <summary>Purges finished instances that ended before <paramref name="endedBefore"/>; returns how many.</summary>
    public static int PurgeFinished(PumpWriteContext context, DateTimeOffset endedBefore, int limit)
    {
        var ids = new List<string>();
        using (var select = context.Command("""
            SELECT id FROM instances
            WHERE status IN ('Completed', 'Failed', 'Terminated') AND ended_at < $before
            LIMIT $limit
            """))
        {
            select.Parameters.AddWithValue("$before", UnixTime.ToMs(endedBefore));
            select.Parameters.AddWithValue("$limit", limit);
            using var rows = select.ExecuteReader();
            while (rows.Read())
            {
                ids.Add(rows.GetString(0));
            }
        }

        foreach (var id in ids)
        {
            Purge(context, id);
        }

        return ids.Count;
    }
}
