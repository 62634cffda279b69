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
        return IsConfigured && !context.DryRun ? CreateReal() : CreateSandbox(new SandboxRecorder(context, _log, _time));
    }

    private protected abstract T CreateReal();

    private protected abstract T CreateSandbox(SandboxRecorder recorder);
}
