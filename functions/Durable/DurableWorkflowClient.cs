using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Catalog;

namespace Serverless.Functions.Durable;

/// <summary><see cref="IWorkflowClient"/> over Durable Functions, so the shared HTTP handlers work unchanged.
/// An instance is one <see cref="WorkflowOrchestrator"/> orchestration with the same id; its workflow status is
/// read from the state it reports (custom status while running, output once ended), not from the Durable status,
/// since a Failed workflow ends as a Completed orchestration whose output can be replayed.</summary>
public sealed class DurableWorkflowClient(DurableClientHolder holder, IWorkflowCatalog catalog, StateBlobs blobs) : IWorkflowClient
{
    private DurableTaskClient Durable => holder.Client;

    public async Task<StartResult> StartAsync(StartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = catalog.Find(request.WorkflowId, request.Version)
            ?? throw new WorkflowNotFoundException(request.WorkflowId, request.Version);
        var instanceId = request.InstanceId
            ?? (request.IdempotencyKey is { } key ? $"{request.WorkflowId}:{key}" : Guid.NewGuid().ToString("N"));

        // The read is not the guard against two simultaneous starts (both can find nothing); the schedule below is.
        // It stays because Durable *replaces* an ended (Completed/Failed/Terminated) instance started again under the
        // same id, which would run a finished workflow's side effects twice: a repeated idempotency key after the
        // end must find the existing instance here.
        if (await Durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return new StartResult(instanceId, Created: false);
        }

        var start = new InstanceStarted(request.Input, request.Trigger, request.DryRun);
        var run = new WorkflowRun(definition.Id, definition.Version, EngineText.Write<WorkflowEvent>(start));
        try
        {
            await Durable.ScheduleNewOrchestrationInstanceAsync(WorkflowOrchestrator.Name, run, new StartOrchestrationOptions(InstanceId: instanceId), cancellationToken);
            return new StartResult(instanceId, Created: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Lost the race: the other start scheduled first, and with host.json overridableExistingInstanceStates
            // = NonRunningStates the host refuses to schedule over its Pending/Running instance. Depending on the
            // client version that arrives as OrchestrationAlreadyExistsException or an RpcException with status
            // AlreadyExists, so the instance is read again rather than the exception type trusted: if it exists,
            // this start is the duplicate; otherwise the failure is real.
            if (await Durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, CancellationToken.None) is not null)
            {
                return new StartResult(instanceId, Created: false);
            }

            throw;
        }
    }

    public async Task<InstanceView?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var metadata = await Durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return metadata is null ? null : DurableInstances.View(metadata, await DurableInstances.FinalStateAsync(metadata, blobs, cancellationToken));
    }

    public async Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new OrchestrationQuery(
            CreatedFrom: query.CreatedFrom,
            CreatedTo: query.CreatedTo,
            Statuses: DurableInstances.RuntimeStatuses(query.Status),
            PageSize: query.Limit,
            FetchInputsAndOutputs: true,
            ContinuationToken: query.ContinuationToken);
        await foreach (var page in Durable.GetAllInstancesAsync(filter).AsPages(query.ContinuationToken, query.Limit).WithCancellation(cancellationToken))
        {
            // Durable filters by runtime status and creation time only: workflow id, workflow status and dry run are
            // checked here, so a page can hold fewer items than the limit while more pages follow.
            var items = page.Values
                .Where(m => m.Name == WorkflowOrchestrator.Name)
                .Select(DurableInstances.Summary)
                .Where(s => (query.WorkflowId is null || s.WorkflowId == query.WorkflowId) && (query.Status is null || s.Status == query.Status)
                    && (query.DryRun is null || s.DryRun == query.DryRun))
                .ToList();
            return new InstancePage(items, page.ContinuationToken);
        }

        return new InstancePage([], null);
    }

    public async Task<bool> RaiseEventAsync(string instanceId, string eventName, JsonNode? payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (await Durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
        {
            return false;
        }

        await Durable.RaiseEventAsync(instanceId, eventName, EngineText.Node(payload), cancellationToken);
        return true;
    }

    /// <summary>Sent to the orchestrator as an event rather than TerminateInstanceAsync, so the interpreter records
    /// the reason and the instance ends Terminated with its timeline, as in the embedded runtime.</summary>
    public async Task<bool> TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken = default)
    {
        if (await Durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not { } metadata)
        {
            return false;
        }

        if (metadata.RuntimeStatus is OrchestrationRuntimeStatus.Suspended)
        {
            await Durable.TerminateInstanceAsync(instanceId, reason, cancellationToken);
            return true;
        }

        await Durable.RaiseEventAsync(instanceId, WorkflowOrchestrator.TerminateEvent, reason, cancellationToken);
        return true;
    }

    /// <summary>Starts the orchestration again under the same id from the Failed state it returned; Durable replaces
    /// an instance that has ended.</summary>
    public async Task<bool> ReplayAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var metadata = await Durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null || await DurableInstances.FinalStateAsync(metadata, blobs, cancellationToken) is not { Status: InstanceStatus.Failed } state)
        {
            return false;
        }

        var stored = DurableInstances.StoredFinal(metadata);
        var run = new WorkflowRun(state.WorkflowId, state.WorkflowVersion, StartEvent: null,
            State: stored is null ? state.ToJson() : null, Replay: true, StateBlob: stored?.StateBlob);
        try
        {
            await Durable.ScheduleNewOrchestrationInstanceAsync(WorkflowOrchestrator.Name, run, new StartOrchestrationOptions(InstanceId: instanceId), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Two replays at once: the host refuses the second over the first's Pending/Running instance (see
            // StartAsync). The replay the caller asked for is under way either way.
            if (await Durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, CancellationToken.None) is
                { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running })
            {
                return true;
            }

            throw;
        }
    }

    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var result = await Durable.PurgeInstanceAsync(instanceId, cancellationToken);
        await blobs.DeleteInstanceAsync(instanceId, cancellationToken);
        return result.PurgedInstanceCount > 0;
    }

    /// <summary>Purges ended instances created before the cut-off (the retention timer), one by one so that each
    /// one's state blobs (<see cref="StateBlobs"/>) go with it: Durable's bulk purge would leave them behind.</summary>
    public async Task<int> PurgeEndedBeforeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        var query = new OrchestrationQuery(
            CreatedTo: createdBefore,
            Statuses: [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            PageSize: 100,
            FetchInputsAndOutputs: false);
        var ended = new List<string>();
        await foreach (var instance in Durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            ended.Add(instance.InstanceId);
        }

        var purged = 0;
        foreach (var instanceId in ended)
        {
            purged += await PurgeAsync(instanceId, cancellationToken) ? 1 : 0;
        }

        return purged;
    }
}
