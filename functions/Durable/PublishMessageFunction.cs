using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Definitions;
using Serverless.Engine.Expressions;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Catalog;

namespace Serverless.Functions.Durable;

/// <summary>An emit step's message: starts every workflow whose event trigger listens on the channel and whose
/// condition matches, once per message (instance id "{workflowId}:{messageId}", as the embedded ChannelRouter).
/// Unlike the embedded runtime, messages nobody consumes are not kept for dead-lettering.</summary>
public sealed class PublishMessageFunction(IWorkflowCatalog catalog, IWorkflowClient client, DurableClientHolder holder, ILogger<PublishMessageFunction> logger)
{
    public const string Name = "PublishMessage";

    [Function(Name)]
    public async Task<int> RunAsync([ActivityTrigger] ChannelMessage message, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        holder.Use(durable);
        var payload = EngineText.Parse(message.Payload);
        var scope = new ObjectScope(new JsonObject { ["payload"] = payload?.DeepClone(), ["channel"] = message.Channel });
        var started = 0;
        foreach (var definition in catalog.List().Where(d => Listens(d, message.Channel, scope)))
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

    private static bool Listens(WorkflowDefinition definition, string channel, ObjectScope scope) =>
        definition.Triggers.OfType<EventTrigger>().Any(t =>
            string.Equals(t.Channel, channel, StringComparison.Ordinal)
            && (t.Condition is null || Conditions.Evaluate(t.Condition, scope, DateTimeOffset.UtcNow)));
}
