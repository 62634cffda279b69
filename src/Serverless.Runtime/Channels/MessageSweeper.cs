using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Runtime.Dispatch;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.Channels;

/// <summary>Moves messages nobody consumed within <see cref="ChannelOptions.DeadLetterAfter"/> to the dead letters,
/// after one more routing attempt (a subscriber may have been registered since), and warns the operator.</summary>
internal sealed partial class MessageSweeper(
    EventPump pump,
    ChannelRouter router,
    TimeProvider time,
    IOptions<ChannelOptions> options,
    ILogger<MessageSweeper> logger)
{
    /// <summary>Returns the ids of messages dead-lettered by this pass.</summary>
    public Task<List<string>> SweepAsync()
    {
        var cutoff = UnixTime.ToMs(time.GetUtcNow() - options.Value.DeadLetterAfter);
        return pump.WriteAsync(context =>
        {
            var open = new List<(string Id, string Channel, string? Payload)>();
            using (var select = context.Command("""
                SELECT id, channel, payload FROM channel_messages
                WHERE consumed_at IS NULL AND dead_lettered_at IS NULL AND created_at <= $cutoff
                """))
            {
                select.Parameters.AddWithValue("$cutoff", cutoff);
                using var rows = select.ExecuteReader();
                while (rows.Read())
                {
                    open.Add((rows.GetString(0), rows.GetString(1), rows.IsDBNull(2) ? null : rows.GetString(2)));
                }
            }

            var dead = new List<string>();
            foreach (var (id, channel, payload) in open)
            {
                if (router.Route(context, id, channel, payload is null ? null : JsonNode.Parse(payload)) > 0)
                {
                    continue;
                }

                using var mark = context.Command("UPDATE channel_messages SET dead_lettered_at = $now WHERE id = $id");
                mark.Parameters.AddWithValue("$now", context.NowMs);
                mark.Parameters.AddWithValue("$id", id);
                mark.ExecuteNonQuery();
                LogDeadLettered(id, channel, options.Value.DeadLetterAfter);
                dead.Add(id);
            }

            return dead;
        });
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Message {MessageId} on channel {Channel} was not consumed within {DeadLetterAfter}: moved to the dead letters")]
    private partial void LogDeadLettered(string messageId, string channel, TimeSpan deadLetterAfter);
}
