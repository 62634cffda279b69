namespace Serverless.Api.DeadLetters;

/// <summary>Sends a dead channel message (a dead letter of kind "message") through its channel again: the workflows
/// listening on it now start, and the message leaves the dead letters. The runtime that keeps the messages implements
/// it; <see cref="NoDeadMessages"/> is the fallback of a runtime that keeps none.</summary>
public interface IDeadMessageReplay
{
    Task<DeadMessageReplay> ReplayAsync(string messageId, CancellationToken cancellationToken);
}

public enum DeadMessageReplayOutcome
{
    /// <summary>Delivered again; <see cref="DeadMessageReplay.Started"/> instances started.</summary>
    Replayed,

    /// <summary>No dead message has that id.</summary>
    NotFound,

    /// <summary>No workflow listens on the message's channel now; it stays in the dead letters.</summary>
    NoSubscriber,

    /// <summary>The dead letter is not a channel message this app can read (a foreign or corrupt queue message).</summary>
    Unreadable,
}

public sealed record DeadMessageReplay(DeadMessageReplayOutcome Outcome, string? Channel = null, int Started = 0);
