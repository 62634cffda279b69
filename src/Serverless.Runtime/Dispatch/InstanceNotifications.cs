using Serverless.Engine.Interpreter;

namespace Serverless.Runtime.Dispatch;

/// <summary>Raised after an instance's final state is committed (Completed, Failed or Terminated).</summary>
public sealed record InstanceFinished(string InstanceId, string WorkflowId, InstanceStatus Status, DateTimeOffset EndedAt);

/// <summary>In-process notification of finished instances, for waiting callers, dashboards and benchmarks.
/// Handlers run on the runtime's writer thread: keep them short.</summary>
public sealed class InstanceNotifications
{
    public event EventHandler<InstanceFinished>? Finished;

    internal void Publish(InstanceFinished finished) => Finished?.Invoke(this, finished);
}
