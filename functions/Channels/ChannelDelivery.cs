using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Definitions;
using Serverless.Engine.Expressions;
using Serverless.Functions.Durable;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Catalog;

namespace Serverless.Functions.Channels;

/// <summary>Delivers one channel message: starts every workflow whose event trigger listens on the channel and whose
/// condition matches, under the instance id "{workflowId}:{messageId}" (as the embedded ChannelRouter), so a message
/// the queue delivers twice starts each subscriber once. A message nobody listens to is parked in the poison queue
/// with that reason, where the dead-letter listing finds it.</summary>
public sealed class ChannelDelivery(IWorkflowCatalog catalog, IWorkflowClient client, ChannelQueue queue, TimeProvider time, ILogger<ChannelDelivery> logger)
{
    public async Task<int> DeliverAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await RedeliverAsync(message, cancellationToken) is { } started)
        {
            return started;
        }

        await queue.ParkAsync(message, $"No workflow listens on channel '{message.Channel}'.", cancellationToken);
        FunctionsLog.MessageParked(logger, message.MessageId, message.Channel);
        return 0;
    }

    /// <summary>Starts the listening workflows that have not consumed the message yet and returns how many started;
    /// null, parking nothing, when no workflow listens on the channel now.</summary>
    public async Task<int?> RedeliverAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = EngineText.Parse(message.Payload);
        var scope = new ObjectScope(new JsonObject { ["payload"] = payload?.DeepClone(), ["channel"] = message.Channel });
        var now = time.GetUtcNow();
        var listeners = catalog.List().Where(d => Listens(d, message.Channel, scope, now)).ToList();
        if (listeners.Count == 0)
        {
            return null;
        }

        var started = 0;
        foreach (var definition in listeners)
        {
            var trigger = new JsonObject
            {
                ["kind"] = TriggerTypes.Event,
                ["channel"] = message.Channel,
                ["messageId"] = message.MessageId,
                ["body"] = payload?.DeepClone(),
            };
            var result = await client.StartAsync(
                new StartRequest(definition.Id, payload?.DeepClone(), $"{definition.Id}:{message.MessageId}", Trigger: trigger), cancellationToken);
            started += result.Created ? 1 : 0;
        }

        FunctionsLog.MessageDelivered(logger, message.MessageId, message.Channel, message.SourceInstanceId, started);
        return started;
    }

    private static bool Listens(WorkflowDefinition definition, string channel, ObjectScope scope, DateTimeOffset now) =>
        definition.Triggers.OfType<EventTrigger>().Any(t =>
            string.Equals(t.Channel, channel, StringComparison.Ordinal)
            && (t.Condition is null || Conditions.Evaluate(t.Condition, scope, now)));
}
