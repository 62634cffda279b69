using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Functions.Durable;

/// <summary>Reads the workflow's view of an orchestration: the final InstanceState (output) once it ended, the
/// <see cref="InstanceSnapshot"/> (custom status) while it runs, and the start event from its input.</summary>
internal static class DurableInstances
{
    /// <summary>The final state the orchestration returned, reading it from <paramref name="blobs"/> when it was
    /// too large to be the output.</summary>
    public static async Task<InstanceState?> FinalStateAsync(OrchestrationMetadata metadata, StateBlobs blobs, CancellationToken cancellationToken)
    {
        var output = Output(metadata);
        if (output is null)
        {
            return null;
        }

        return Stored(output) is { } stored
            ? InstanceState.FromJson(await blobs.LoadAsync(stored.StateBlob, cancellationToken))
            : EngineText.Read<InstanceState>(output);
    }

    /// <summary>Where a large final state is kept; null when the output is the state itself or there is none.</summary>
    public static StoredFinalState? StoredFinal(OrchestrationMetadata metadata) => Output(metadata) is { } output ? Stored(output) : null;

    private static string? Output(OrchestrationMetadata metadata) =>
        metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && metadata.SerializedOutput is not null
            ? metadata.ReadOutputAs<string>()
            : null;

    private static StoredFinalState? Stored(string output) =>
        EngineText.Parse(output) is JsonObject o && o.ContainsKey("stateBlob") ? EngineText.Read<StoredFinalState>(output) : null;

    public static InstanceView View(OrchestrationMetadata metadata, InstanceState? final)
    {
        var run = metadata.ReadInputAs<WorkflowRun>();
        if (final is { } state)
        {
            return new InstanceView(metadata.InstanceId, state.WorkflowId, state.WorkflowVersion, state.Status, state.DryRun,
                metadata.CreatedAt, state.EndedAt, state.Input, state.Output, state.Error, state.CustomStatus, state.Timeline);
        }

        var snapshot = Snapshot(metadata.SerializedCustomStatus);
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

    /// <summary>Built without reading a stored final state: its reference carries what a listing shows.</summary>
    public static InstanceSummary Summary(OrchestrationMetadata metadata)
    {
        if (StoredFinal(metadata) is { } stored)
        {
            return new InstanceSummary(metadata.InstanceId, stored.WorkflowId, stored.WorkflowVersion, stored.Status, metadata.CreatedAt, stored.EndedAt,
                stored.DryRun, stored.Error);
        }

        var final = Output(metadata) is { } output ? EngineText.Read<InstanceState>(output) : null;
        var view = View(metadata, final);
        return new InstanceSummary(view.InstanceId, view.WorkflowId, view.WorkflowVersion, view.Status, view.CreatedAt, view.EndedAt, view.DryRun,
            view.Status == InstanceStatus.Failed ? view.Error : null);
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
        // The last snapshot of a finished workflow is set while its final state is still being stored (a large state
        // is saved by an activity first): until Durable reports the orchestration ended, the instance is running.
        _ => snapshot?.Status is { } status && status is not (InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated)
            ? status
            : InstanceStatus.Running,
    };

    /// <summary>The snapshot is a JSON object; instances started before that change hold it as a JSON string.</summary>
    private static InstanceSnapshot? Snapshot(string? serialized) => serialized switch
    {
        null => null,
        _ when serialized.StartsWith('"') => EngineText.Read<InstanceSnapshot>(EngineText.Read<string>(serialized)),
        _ => EngineText.Read<InstanceSnapshot>(serialized),
    };

    private static ErrorInfo? Failure(OrchestrationMetadata metadata) =>
        metadata.FailureDetails is { } failure ? new ErrorInfo(failure.ErrorType, failure.ErrorMessage) : null;
}
