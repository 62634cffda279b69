using Microsoft.DurableTask.Client;

namespace Serverless.Functions.Durable;

/// <summary>The isolated worker hands out <see cref="DurableTaskClient"/> only through the [DurableClient] binding,
/// while the shared handlers get <see cref="DurableWorkflowClient"/> from DI. Every trigger that reaches the client
/// binds it and drops it here first (the app has one task hub, so it is always the same client).</summary>
public sealed class DurableClientHolder
{
    private DurableTaskClient? client;

    public DurableTaskClient Client =>
        Volatile.Read(ref client) ?? throw new InvalidOperationException("No Durable Functions client was bound: call Use from a function with a [DurableClient] parameter first.");

    public void Use(DurableTaskClient bound)
    {
        ArgumentNullException.ThrowIfNull(bound);
        Volatile.Write(ref client, bound);
    }
}
