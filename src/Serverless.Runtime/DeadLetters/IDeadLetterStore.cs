using System.Text.Json.Nodes;

namespace Serverless.Runtime.DeadLetters;

/// <summary>What failed for good (GET /api/deadletters): instances that failed after their retries, and channel
/// messages nobody consumed in time. Both can be sent through again.</summary>
public interface IDeadLetterStore
{
    Task<DeadLetters> ListAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Failed instances and dead channel messages together, newest first, filtered by workflow (which
    /// leaves out messages), paged with a continuation token. An unknown token throws <see cref="ArgumentException"/>.</summary>
    Task<DeadLetterEntries> PageAsync(string? workflowId, int limit, string? continuationToken, CancellationToken cancellationToken = default);

    /// <summary>Re-runs a Failed instance from its failed step; false when it is missing or not Failed.</summary>
    Task<bool> ReplayInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Routes a dead message to the channel's current subscribers; once one starts, the message is consumed and
    /// leaves the dead letters. Null when no dead message has that id.</summary>
    Task<MessageRedelivery?> RedeliverMessageAsync(string messageId, CancellationToken cancellationToken = default);
}

/// <summary><see cref="Started"/> is 0 when no workflow listens on <see cref="Channel"/> now: the message stays dead.</summary>
public sealed record MessageRedelivery(string Channel, int Started);

public sealed record DeadLetters(IReadOnlyList<FailedInstance> Instances, IReadOnlyList<DeadMessage> Messages);

public sealed record FailedInstance(
    string InstanceId,
    string WorkflowId,
    int WorkflowVersion,
    string? FailedStep,
    string? ErrorKind,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FailedAt);

public sealed record DeadMessage(
    string MessageId,
    string Channel,
    JsonNode? Payload,
    string? SourceInstanceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset DeadLetteredAt);
