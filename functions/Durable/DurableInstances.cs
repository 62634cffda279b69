using Microsoft.DurableTask.Client;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Functions.Durable;

/// <summary>Reads the workflow's view of an orchestration: the final InstanceState (output) once it ended, the
/// <see cref="InstanceSnapshot"/> (custom status) while it runs, and the start event from its input.</summary>
internal static class DurableInstances
{
    public static InstanceState? FinalState(OrchestrationMetadata metadata) =>
        metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && metadata.SerializedOutput is not null
            ? EngineText.Read<InstanceState>(metadata.ReadOutputAs<string>())
            : null;

    public static InstanceView View(OrchestrationMetadata metadata)
    {
        var run = metadata.ReadInputAs<WorkflowRun>();
        if (FinalState(metadata) is { } state)
        {
            return new InstanceView(metadata.InstanceId, state.WorkflowId, state.WorkflowVersion, state.Status, state.DryRun,
                metadata.CreatedAt, state.EndedAt, state.Input, state.Output, state.Error, state.CustomStatus, state.Timeline);
        }

        var snapshot = metadata.SerializedCustomStatus is null ? null : EngineText.Read<InstanceSnapshot>(metadata.ReadCustomStatusAs<string>());
        var start = EngineText.Read<WorkflowEvent>(run?.StartEvent) as InstanceStarted;
        var status = Status(metadata, snapshot);
        return new InstanceView(
            metadata.InstanceId,
            snapshot?.WorkflowId ?? run?.WorkflowId ?? "",
            snapshot?.WorkflowVersion ?? run?.Version ?? 0,
            status,
            snapshot?.DryRun ?? start?.DryRun ?? false,
            metadata.CreatedAt,
            status is InstanceStatus.Failed or InstanceStatus.Terminated ? metadata.LastUpdatedAt : null,
            start?.Input,
            Output: null,
            snapshot?.Error ?? Failure(metadata),
            snapshot?.CustomStatus,
            snapshot?.Timeline ?? []);
    }

    public static InstanceSummary Summary(OrchestrationMetadata metadata)
    {
        var view = View(metadata);
        return new InstanceSummary(view.InstanceId, view.WorkflowId, view.WorkflowVersion, view.Status, view.CreatedAt, view.EndedAt, view.DryRun);
    }

    /// <summary>Runtime statuses an instance of this workflow status can have (Failed workflows end Completed).</summary>
    public static IEnumerable<OrchestrationRuntimeStatus>? RuntimeStatuses(InstanceStatus? status) => status switch
    {
        null => null,
        InstanceStatus.Pending or InstanceStatus.Running or InstanceStatus.Waiting =>
            [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended],
        InstanceStatus.Completed => [OrchestrationRuntimeStatus.Completed],
        _ => [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
    };

    /// <summary>The status when the orchestration left no final state: running, or ended by Durable itself
    /// (terminated from the portal, or the orchestrator crashed).</summary>
    private static InstanceStatus Status(OrchestrationMetadata metadata, InstanceSnapshot? snapshot) => metadata.RuntimeStatus switch
    {
        OrchestrationRuntimeStatus.Failed => InstanceStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => InstanceStatus.Terminated,
        OrchestrationRuntimeStatus.Pending => InstanceStatus.Pending,
        _ => snapshot?.Status ?? InstanceStatus.Running,
    };

    private static ErrorInfo? Failure(OrchestrationMetadata metadata) =>
        metadata.FailureDetails is { } failure ? new ErrorInfo(failure.ErrorType, failure.ErrorMessage) : null;
}
