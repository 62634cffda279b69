using System.Text.Json.Nodes;
using Serverless.Crm.Executions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Crm.Running;

/// <summary>How a run was started (the execution's triggered_by).</summary>
public static class CrmRunKinds
{
    public const string Event = "event";
    public const string Manual = "manual";
    public const string Scheduled = "scheduled";
    public const string Webhook = "webhook";
}

/// <param name="RunKey">What makes the run unique for this workflow: the change event's id, the due time of a
/// schedule, a request id. The same key never starts the workflow twice.</param>
public sealed record CrmRunRequest(CrmCompiledWorkflow Workflow, JsonObject Context, string RunKey, string TriggeredBy, bool DryRun = false, string? EventId = null);

/// <summary><see cref="Created"/> is false when this run key had already started this workflow.</summary>
public sealed record CrmRunStarted(string ExecutionId, bool Created);

/// <summary>
/// Starts one execution: the execution record (PENDING) first, then the durable instance of the workflow's current
/// version, both under the id "crm.workflow.{id}:{run key}". A second start with the same key finds the record and
/// starts nothing (a start that crashed between the two writes is completed: starting an instance is idempotent on
/// its id). A dry run writes no record: it is shown, not counted.
/// </summary>
public sealed class CrmWorkflowRunner(CrmExecutionStore executions, IWorkflowClient client, TimeProvider time)
{
    public static string ExecutionId(string workflowId, string runKey) => $"{CrmNames.WorkflowIdPrefix}{workflowId}:{runKey}";

    public async Task<CrmRunStarted> StartAsync(CrmRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workflow = request.Workflow.Workflow;
        var id = ExecutionId(workflow.Id, request.RunKey);
        var created = true;
        if (!request.DryRun)
        {
            created = await executions.StartAsync(new CrmExecution
            {
                Id = id,
                WorkflowId = workflow.Id,
                WorkflowVersion = workflow.Version,
                TriggeredBy = request.TriggeredBy,
                TriggerEntityType = request.Context["trigger_entity_type"]?.ToString(),
                TriggerEntityId = request.Context["trigger_entity_id"]?.ToString(),
                EventId = request.EventId,
                StartedAt = time.GetUtcNow(),
            }, cancellationToken);
        }

        var trigger = new JsonObject { ["kind"] = request.TriggeredBy, ["messageId"] = request.EventId };
        var started = await client.StartAsync(
            new StartRequest(workflow.DefinitionId, request.Context.DeepClone(), InstanceId: id, DryRun: request.DryRun, Trigger: trigger, Version: workflow.Version),
            cancellationToken);
        return new CrmRunStarted(id, created && started.Created);
    }
}
