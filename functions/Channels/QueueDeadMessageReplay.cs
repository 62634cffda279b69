using Azure.Storage.Queues.Models;
using Serverless.Api.DeadLetters;

namespace Serverless.Functions.Channels;

/// <summary>Replays a message of the channel's poison queue: found by the id the dead-letter listing shows, delivered
/// again by <see cref="ChannelDelivery"/> (each listening workflow starts once, under "{workflowId}:{messageId}"), then
/// deleted from the poison queue. A queue cannot be read by id: the poison queue is received
/// <see cref="BatchSize"/> messages at a time, up to <see cref="MaxBatches"/> batches, and every other message
/// received is made visible again at once. A delete that fails after the delivery leaves the message to replay
/// again, which starts nothing twice.</summary>
public sealed class QueueDeadMessageReplay(ChannelQueue queue, ChannelDelivery delivery) : IDeadMessageReplay
{
    public const int BatchSize = 32;
    public const int MaxBatches = 10;
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);

    public async Task<DeadMessageReplay> ReplayAsync(string messageId, CancellationToken cancellationToken)
    {
        var poison = await queue.PoisonAsync();
        var held = new List<QueueMessage>();
        try
        {
            for (var batch = 0; batch < MaxBatches; batch++)
            {
                var received = (await poison.ReceiveMessagesAsync(BatchSize, Hold, cancellationToken)).Value;
                if (received.Length == 0)
                {
                    break;
                }

                held.AddRange(received);
                foreach (var entry in received)
                {
                    var message = ChannelQueue.Read(entry.Body.ToString());
                    if ((message?.MessageId ?? entry.MessageId) != messageId)
                    {
                        continue;
                    }

                    if (message is not { MessageId: not null, Channel: not null })
                    {
                        return new DeadMessageReplay(DeadMessageReplayOutcome.Unreadable);
                    }

                    if (await delivery.RedeliverAsync(message with { Reason = null }, cancellationToken) is not { } started)
                    {
                        return new DeadMessageReplay(DeadMessageReplayOutcome.NoSubscriber, message.Channel);
                    }

                    await poison.DeleteMessageAsync(entry.MessageId, entry.PopReceipt, cancellationToken);
                    held.Remove(entry);
                    return new DeadMessageReplay(DeadMessageReplayOutcome.Replayed, message.Channel, started);
                }
            }

            return new DeadMessageReplay(DeadMessageReplayOutcome.NotFound);
        }
        finally
        {
            foreach (var entry in held)
            {
                await poison.UpdateMessageAsync(entry.MessageId, entry.PopReceipt, entry.Body, TimeSpan.Zero, CancellationToken.None);
            }
        }
    }
}
