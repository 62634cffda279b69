using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Functions.Durable;

namespace Serverless.Functions.Channels;

/// <summary>Queue trigger of the channel queue: each message starts its subscribed workflows once. A delivery that
/// throws is retried by the host and, after host.json's maxDequeueCount, moved to the poison queue.</summary>
public sealed class ChannelMessageFunction(ChannelDelivery delivery, DurableClientHolder holder)
{
    public const string Name = "ChannelMessage";

    [Function(Name)]
    public async Task RunAsync(
        [QueueTrigger("%" + ChannelQueueOptions.SectionName + ":Name%", Connection = "AzureWebJobsStorage")] string body,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        holder.Use(durable);
        var message = JsonSerializer.Deserialize<ChannelMessage>(body)
            ?? throw new JsonException("The channel queue message is empty.");
        await delivery.DeliverAsync(message, cancellationToken);
    }
}
