using Microsoft.Azure.Functions.Worker;
using Serverless.Functions.Durable;

namespace Serverless.Functions.Channels;

/// <summary>The activity an emit step becomes: puts the message on the channel queue. The orchestrator may not do
/// I/O, so the queue write is an activity; Durable retries it like any other, and a repeated message id is harmless
/// (delivery is idempotent per subscriber).</summary>
public sealed class EnqueueMessageFunction(ChannelQueue queue)
{
    public const string Name = "EnqueueMessage";

    [Function(Name)]
    public async Task RunAsync([ActivityTrigger] ChannelMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await queue.SendAsync(message, cancellationToken);
    }
}
