using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Functions.Durable.Tests.Support;

/// <summary>One runtime under test: the embedded SQLite runtime or Durable Functions, behind the same client.</summary>
public interface IRuntimeHarness : IAsyncDisposable
{
    string Name { get; }

    IWorkflowClient Client { get; }

    IServiceProvider Services { get; }
}

public static class RuntimeHarnessExtensions
{
    /// <summary>Polls the instance until <paramref name="until"/> holds.</summary>
    public static async Task<InstanceView> WaitForAsync(this IRuntimeHarness harness, string instanceId, Func<InstanceView, bool> until, int timeoutMs = 30_000)
    {
        ArgumentNullException.ThrowIfNull(harness);
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        InstanceView? view = null;
        while (DateTime.UtcNow < deadline)
        {
            view = await harness.Client.GetAsync(instanceId);
            if (view is not null && until(view))
            {
                return view;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"[{harness.Name}] instance {instanceId} did not reach the expected state; last status {view?.Status}, error {view?.Error}, timeline "
            + string.Join("; ", view?.Timeline.Select(r => $"{r.Key} {r.Status} x{r.Attempts} {r.Error?.Message}") ?? []));
    }

    public static Task<InstanceView> WaitForEndAsync(this IRuntimeHarness harness, string instanceId, int timeoutMs = 30_000) =>
        harness.WaitForAsync(instanceId, v => v.Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated, timeoutMs);
}
