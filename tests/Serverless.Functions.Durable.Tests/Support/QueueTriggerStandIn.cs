using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using Serverless.Functions.Channels;

namespace Serverless.Functions.Durable.Tests.Support;

/// <summary>What the Functions host's queue trigger does with the channel queue, since the host cannot run here:
/// receive, call <see cref="ChannelMessageFunction"/>, delete on success, leave the message to reappear on failure,
/// and move it to "{queue}-poison" once it has been dequeued maxDequeueCount times (the host's documented rule).</summary>
public sealed class QueueTriggerStandIn : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public QueueTriggerStandIn(ChannelQueue queue, ChannelMessageFunction function, DurableTaskClient durable, TimeSpan visibility)
    {
        loop = Task.Run(() => RunAsync(queue, function, durable, visibility, stop.Token));
    }

    public int Failures { get; private set; }

    private async Task RunAsync(ChannelQueue queue, ChannelMessageFunction function, DurableTaskClient durable, TimeSpan visibility, CancellationToken token)
    {
        var messages = await queue.MessagesAsync();
        var poison = await queue.PoisonAsync();
        while (!token.IsCancellationRequested)
        {
            try
            {
                var batch = await messages.ReceiveMessagesAsync(16, visibility, token);
                if (batch.Value.Length == 0)
                {
                    await Task.Delay(50, token);
                    continue;
                }

                foreach (var message in batch.Value)
                {
                    await HandleAsync(messages, poison, queue.MaxDequeueCount, message, function, durable, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task HandleAsync(QueueClient messages, QueueClient poison, int maxDequeueCount, Azure.Storage.Queues.Models.QueueMessage message,
        ChannelMessageFunction function, DurableTaskClient durable, CancellationToken token)
    {
        try
        {
            await function.RunAsync(message.Body.ToString(), durable, token);
            await messages.DeleteMessageAsync(message.MessageId, message.PopReceipt, token);
        }
        catch (Exception) when (!token.IsCancellationRequested)
        {
            Failures++;
            if (message.DequeueCount >= maxDequeueCount)
            {
                await poison.SendMessageAsync(message.Body.ToString(), token);
                await messages.DeleteMessageAsync(message.MessageId, message.PopReceipt, token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }
}
