namespace Serverless.Api.DeadLetters;

/// <summary>The replay of a runtime that keeps no channel messages: every id is unknown, as its dead-letter listing
/// (<see cref="FailedInstanceDeadLetterReader"/>) shows no messages.</summary>
public sealed class NoDeadMessages : IDeadMessageReplay
{
    public Task<DeadMessageReplay> ReplayAsync(string messageId, CancellationToken cancellationToken) =>
        Task.FromResult(new DeadMessageReplay(DeadMessageReplayOutcome.NotFound));
}
