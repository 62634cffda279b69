using Serverless.Api.DeadLetters;
using Serverless.Runtime.DeadLetters;

namespace Serverless.Host.Runtime;

/// <summary>Replays a dead channel message of the embedded runtime: routed again to the channel's current
/// subscribers in the pump's transaction, which marks it consumed (and no longer dead) once one starts.</summary>
internal sealed class RuntimeDeadMessageReplay(IDeadLetterStore store) : IDeadMessageReplay
{
    public async Task<DeadMessageReplay> ReplayAsync(string messageId, CancellationToken cancellationToken) =>
        await store.RedeliverMessageAsync(messageId, cancellationToken) switch
        {
            null => new DeadMessageReplay(DeadMessageReplayOutcome.NotFound),
            { Started: 0 } redelivery => new DeadMessageReplay(DeadMessageReplayOutcome.NoSubscriber, redelivery.Channel),
            var redelivery => new DeadMessageReplay(DeadMessageReplayOutcome.Replayed, redelivery.Channel, redelivery.Started),
        };
}
