namespace Serverless.Api.DeadLetters;

/// <summary>Work that failed for good: instances that failed after their retries, and channel messages nobody
/// consumed in time. The runtime implements it; <see cref="FailedInstanceDeadLetterReader"/> is the fallback.</summary>
public interface IDeadLetterReader
{
    Task<DeadLetterPage> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken);
}

public sealed record DeadLetterQuery(string? WorkflowId, int Limit, string? ContinuationToken);

public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, string? ContinuationToken);

/// <summary><see cref="Kind"/> is "instance" or "message"; <see cref="Id"/> is the instance or message id;
/// <see cref="ReplayUrl"/> is where to POST to send it through again.</summary>
public sealed record DeadLetter(
    string Kind,
    string Id,
    string? WorkflowId,
    string? StepId,
    string? ErrorKind,
    string Reason,
    DateTimeOffset? FailedAt,
    string? Channel = null)
{
    public string ReplayUrl => Kind == DeadLetterKinds.Message ? ApiRoutes.DeadMessageReplayUrl(Id) : ApiRoutes.InstanceReplayUrl(Id);
}

public static class DeadLetterKinds
{
    public const string Instance = "instance";
    public const string Message = "message";
}
