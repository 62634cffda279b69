using Serverless.Api.DeadLetters;
using Serverless.Functions.Durable;

namespace Serverless.Functions.Channels;

/// <summary>The Functions app's dead letters: the channel's poison queue (messages whose delivery failed
/// maxDequeueCount times, or that nobody listens to) on the first page, then the Failed instances. A queue can only
/// be peeked 32 messages at a time, so at most the 32 oldest poison messages are listed.</summary>
public sealed class QueueDeadLetterReader(ChannelQueue queue, FailedInstanceDeadLetterReader instances) : IDeadLetterReader
{
    private const int MaxPeek = 32;

    public async Task<DeadLetterPage> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var messages = query.ContinuationToken is null && query.WorkflowId is null
            ? await PoisonAsync(Math.Min(query.Limit, MaxPeek), cancellationToken)
            : [];
        var rest = query.Limit - messages.Count;
        if (rest <= 0)
        {
            return new DeadLetterPage(messages, null);
        }

        var page = await instances.ListAsync(query with { Limit = rest }, cancellationToken);
        return new DeadLetterPage([.. messages, .. page.Items], page.ContinuationToken);
    }

    private async Task<List<DeadLetter>> PoisonAsync(int limit, CancellationToken cancellationToken)
    {
        var poison = await queue.PoisonAsync();
        var peeked = await poison.PeekMessagesAsync(limit, cancellationToken);
        var items = new List<DeadLetter>(peeked.Value.Length);
        foreach (var entry in peeked.Value)
        {
            var message = ChannelQueue.Read(entry.Body.ToString());
            items.Add(new DeadLetter(
                DeadLetterKinds.Message,
                message?.MessageId ?? entry.MessageId,
                WorkflowId: null,
                StepId: null,
                ErrorKind: null,
                message?.Reason ?? $"Delivery failed {queue.MaxDequeueCount} times; the Functions host moved the message to {poison.Name}.",
                entry.InsertedOn,
                message?.Channel));
        }

        return items;
    }
}
