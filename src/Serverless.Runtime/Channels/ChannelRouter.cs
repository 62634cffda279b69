using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Definitions;
using Serverless.Engine.Expressions;
using Serverless.Runtime.Catalog;
using Serverless.Runtime.Dispatch;

namespace Serverless.Runtime.Channels;

/// <summary>Persists channel messages and starts, once per message, every workflow whose event trigger listens
/// on the channel and whose condition matches. Runs inside the pump's transaction, so a message and the
/// instances it starts are committed together.</summary>
internal sealed partial class ChannelRouter(IWorkflowCatalog catalog, ILogger<ChannelRouter> logger)
{
    /// <summary>Instance id of the run a message starts: the same message never starts a workflow twice.</summary>
    public static string ConsumerInstanceId(string workflowId, string messageId) => $"{workflowId}:{messageId}";

    /// <summary>Stores the message (once per id) and routes it. False when the id was already published.</summary>
    public bool Publish(PumpWriteContext context, string messageId, string channel, JsonNode? payload, string? sourceInstanceId)
    {
        using var insert = context.Command("""
            INSERT OR IGNORE INTO channel_messages (id, channel, payload, source_instance_id, created_at)
            VALUES ($id, $channel, $payload, $source, $created)
            """);
        insert.Parameters.AddWithValue("$id", messageId);
        insert.Parameters.AddWithValue("$channel", channel);
        insert.Parameters.AddWithValue("$payload", (object?)payload?.ToJsonString() ?? DBNull.Value);
        insert.Parameters.AddWithValue("$source", (object?)sourceInstanceId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$created", context.NowMs);
        if (insert.ExecuteNonQuery() == 0)
        {
            return false;
        }

        Route(context, messageId, channel, payload);
        return true;
    }

    /// <summary>Starts the subscribers of a stored message that have not consumed it yet; returns how many consume it now.</summary>
    public int Route(PumpWriteContext context, string messageId, string channel, JsonNode? payload)
    {
        var started = 0;
        var scope = new ObjectScope(new JsonObject { ["payload"] = payload?.DeepClone(), ["channel"] = channel });
        foreach (var definition in catalog.List())
        {
            if (!Listens(definition, channel, scope, context.Now))
            {
                continue;
            }

            var instanceId = ConsumerInstanceId(definition.Id, messageId);
            using var consumer = context.Command("""
                INSERT OR IGNORE INTO consumers (message_id, workflow_id, instance_id, created_at)
                VALUES ($message, $wf, $instance, $created)
                """);
            consumer.Parameters.AddWithValue("$message", messageId);
            consumer.Parameters.AddWithValue("$wf", definition.Id);
            consumer.Parameters.AddWithValue("$instance", instanceId);
            consumer.Parameters.AddWithValue("$created", context.NowMs);
            if (consumer.ExecuteNonQuery() == 0)
            {
                continue;
            }

            var trigger = new JsonObject
            {
                ["kind"] = TriggerTypes.Event,
                ["channel"] = channel,
                ["messageId"] = messageId,
                ["body"] = payload?.DeepClone(),
            };
            context.CreateInstance(instanceId, definition, payload?.DeepClone(), trigger, dryRun: false, parentId: null);
            LogConsumed(messageId, channel, definition.Id, instanceId);
            started++;
        }

        if (started > 0)
        {
            using var consumed = context.Command(
                "UPDATE channel_messages SET consumed_at = $now, dead_lettered_at = NULL WHERE id = $id");
            consumed.Parameters.AddWithValue("$now", context.NowMs);
            consumed.Parameters.AddWithValue("$id", messageId);
            consumed.ExecuteNonQuery();
        }

        return started;
    }

    private bool Listens(WorkflowDefinition definition, string channel, ObjectScope scope, DateTimeOffset now)
    {
        foreach (var trigger in definition.Triggers)
        {
            if (trigger is not EventTrigger eventTrigger || !string.Equals(eventTrigger.Channel, channel, StringComparison.Ordinal))
            {
                continue;
            }

            if (eventTrigger.Condition is null)
            {
                return true;
            }

            try
            {
                if (Conditions.Evaluate(eventTrigger.Condition, scope, now))
                {
                    return true;
                }
            }
            catch (ExpressionException ex)
            {
                LogConditionFailed(ex, definition.Id, channel);
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Message {MessageId} on channel {Channel} starts workflow {WorkflowId} as instance {InstanceId}")]
    private partial void LogConsumed(string messageId, string channel, string workflowId, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event trigger condition of workflow {WorkflowId} failed on channel {Channel}")]
    private partial void LogConditionFailed(Exception exception, string workflowId, string channel);
}
