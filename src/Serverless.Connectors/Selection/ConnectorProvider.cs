using Serverless.Connectors.Sandbox;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Selection;

/// <summary>The selection rule once; each connector's provider says whether it is configured and how to build its
/// real and sandbox implementations.</summary>
public abstract class ConnectorProvider<T> : IConnectorProvider<T>
    where T : class
{
    private readonly ISandboxCallLog _log;
    private readonly TimeProvider _time;

    private protected ConnectorProvider(ISandboxCallLog log, TimeProvider time)
    {
        _log = log;
        _time = time;
    }

    public abstract bool IsConfigured { get; }

    public T For(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsConfigured)
        {
            return CreateSandbox(new SandboxRecorder(context, _log, _time));
        }

        return context.DryRun ? CreateDryRun(new SandboxRecorder(context, _log, _time)) : CreateReal();
    }

    private protected abstract T CreateReal();

    private protected abstract T CreateSandbox(SandboxRecorder recorder);

    /// <summary>A dry run on a configured connector: the sandbox by default (nothing leaves the process). A connector
    /// whose workflows must read real data to decide (Zoho: the tickets and deals a batch works on) reads through
    /// the real client and records its writes instead.</summary>
    private protected virtual T CreateDryRun(SandboxRecorder recorder) => CreateSandbox(recorder);
}
