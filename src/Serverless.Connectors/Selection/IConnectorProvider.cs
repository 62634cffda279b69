using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Selection;

/// <summary>Hands an activity the connector to use. The rule lives here, not in activities: the real implementation
/// only when the connector's credentials are set AND the instance is not a dry run; otherwise the sandbox, which
/// records the call it would have made.</summary>
public interface IConnectorProvider<out T>
    where T : class
{
    /// <summary>True when the connector's credentials are set (a real call is possible outside dry runs).</summary>
    bool IsConfigured { get; }

    T For(ActivityContext context);
}
