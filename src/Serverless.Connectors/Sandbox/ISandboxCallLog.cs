namespace Serverless.Connectors.Sandbox;

/// <summary>Durable record of the calls sandbox connectors would have made. Recording the same call again (an activity
/// retried with the same idempotency key and request) keeps one entry.</summary>
public interface ISandboxCallLog
{
    Task RecordAsync(SandboxCall call, CancellationToken cancellationToken);

    /// <summary>Calls recorded for an instance, oldest first.</summary>
    Task<IReadOnlyList<SandboxCall>> ListAsync(string instanceId, CancellationToken cancellationToken);
}
