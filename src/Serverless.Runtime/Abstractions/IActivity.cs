using System.Text.Json.Nodes;

namespace Serverless.Runtime.Abstractions;

/// <summary>A unit of work a workflow step runs by name. Activities do the I/O the interpreter may not.
/// They run at least once: use <see cref="ActivityContext.IdempotencyKey"/> to make writes safe to repeat.</summary>
public interface IActivity
{
    string Name { get; }

    Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken);
}

public sealed record ActivityContext(
    string InstanceId,
    string WorkflowId,
    string StepKey,
    string IdempotencyKey,
    int Attempt,
    JsonNode? Input,
    bool DryRun);

/// <summary>Thrown by an activity to fail with a chosen error kind (see Serverless.Engine.Definitions.ErrorKinds),
/// which the step's retry policy selects on. Any other exception counts as Transient.</summary>
public sealed class ActivityException(string kind, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Kind { get; } = kind;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
