using Serverless.Runtime.Dispatch;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.Scheduling;

/// <summary>The schedules table: when each schedule was last looked at.</summary>
internal static class ScheduleStore
{
    /// <summary>Last pass of each schedule; a schedule seen for the first time starts from now (no historic runs).</summary>
    public static Dictionary<string, DateTimeOffset> ReadOrInit(PumpWriteContext context, IReadOnlyList<string> keys)
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            using var select = context.Command("SELECT last_due_at FROM schedules WHERE workflow_id = $key");
            select.Parameters.AddWithValue("$key", key);
            if (select.ExecuteScalar() is long last)
            {
                result[key] = UnixTime.FromMs(last);
            }
            else
            {
                Upsert(context, key, context.NowMs);
            }
        }

        return result;
    }

    public static int Save(PumpWriteContext context, IReadOnlyList<string> keys, DateTimeOffset passAt)
    {
        foreach (var key in keys)
        {
            Upsert(context, key, UnixTime.ToMs(passAt));
        }

        return keys.Count;
    }

    private static void Upsert(PumpWriteContext context, string key, long at)
    {
        using var upsert = context.Command("""
            INSERT INTO schedules (workflow_id, last_due_at) VALUES ($key, $at)
            ON CONFLICT(workflow_id) DO UPDATE SET last_due_at = MAX(last_due_at, excluded.last_due_at)
            """);
        upsert.Parameters.AddWithValue("$key", key);
        upsert.Parameters.AddWithValue("$at", at);
        upsert.ExecuteNonQuery();
    }
}
