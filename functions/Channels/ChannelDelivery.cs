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
        var payload = EngineText.Parse(message.Payload);
        var scope = new ObjectScope(new JsonObject { ["payload"] = payload?.DeepClone(), ["channel"] = message.Channel });
        var now = time.GetUtcNow();
        var listeners = catalog.List().Where(d => Listens(d, message.Channel, scope, now)).ToList();
        if (listeners.Count == 0)
        {
            await queue.ParkAsync(message, $"No workflow listens on channel '{message.Channel}'.", cancellationToken);
            FunctionsLog.MessageParked(logger, message.MessageId, message.Channel);
            return 0;
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
