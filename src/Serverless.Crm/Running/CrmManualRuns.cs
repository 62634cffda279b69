using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Crm.Executions;
using Serverless.Crm.Workflows;
using Serverless.Runtime.Abstractions;

namespace Serverless.Crm.Running;

/// <summary>What POST /{id}/execute asked for (the seed's WorkflowExecuteRequest, plus dry_run).</summary>
public sealed record CrmExecuteRequest(string? EntityType, string? EntityId, JsonNode? TriggerData, bool DryRun, string? IdempotencyKey);

/// <summary>The outcome: the execution started (or, for a dry run, the finished preview), or why nothing ran.</summary>
public sealed record CrmExecuteResult(CrmExecution? Execution, bool Created, string? NotFound = null, string? Conflict = null);

/// <summary>
/// Runs a workflow by hand (POST /{id}/execute, the webhook trigger) on any status, as the seed's test button did:
/// the context of the entity named, then the current version. A dry run starts the instance in dry-run mode (every
/// action computes and shows what it would do and writes nothing), waits for it (Crm:DryRunWaitSeconds) and
/// returns it; it is not stored as an execution.
/// </summary>
public sealed class CrmManualRuns(
    CrmWorkflowRegistry registry, CrmContextBuilder contexts, CrmWorkflowRunner runner, IWorkflowClient client,
    TimeProvider time, IOptions<CrmOptions> options, CrmExecutionReader executions)
{
    public async Task<CrmExecuteResult?> ExecuteAsync(string workflowId, CrmExecuteRequest request, string kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A workflow saved through another instance may not be in this process's snapshot yet: read the store once.
        var workflow = (await registry.CurrentAsync(cancellationToken)).ById.GetValueOrDefault(workflowId)
            ?? (await registry.LoadAsync(cancellationToken)).ById.GetValueOrDefault(workflowId);
        if (workflow is null)
        {
            return null;
        }

        JsonObject context;
        if (request.EntityType is { } type && request.EntityId is { } entityId)
        {
            if (await contexts.ForEntityAsync(type, entityId, request.TriggerData, cancellationToken) is not { } found)
            {
                return new CrmExecuteResult(null, false, NotFound: $"There is no {type} '{entityId}'.");
            }

            context = found;
        }
        else
        {
            context = contexts.ForSchedule(time.GetUtcNow());
            context["trigger_data"] = request.TriggerData?.DeepClone() ?? new JsonObject();
        }

        var key = request.IdempotencyKey is { Length: > 0 } given
            ? "request-" + given
            : (request.DryRun ? "dryrun-" : "manual-") + Guid.CreateVersion7().ToString("N");
        var started = await runner.StartAsync(new CrmRunRequest(workflow, context, key, kind, request.DryRun), cancellationToken);
        if (!request.DryRun)
        {
            return new CrmExecuteResult(await executions.GetAsync(started.ExecutionId, cancellationToken), started.Created);
        }

        return new CrmExecuteResult(await WaitForPreviewAsync(workflow, started.ExecutionId, context, cancellationToken), true);
    }

    private async Task<CrmExecution> WaitForPreviewAsync(CrmCompiledWorkflow workflow, string instanceId, JsonObject context, CancellationToken cancellationToken)
    {
        var preview = new CrmExecution
        {
            Id = instanceId,
            WorkflowId = workflow.Workflow.Id,
            WorkflowVersion = workflow.Workflow.Version,
            TriggeredBy = CrmRunKinds.Manual,
            TriggerEntityType = context["trigger_entity_type"]?.ToString(),
            TriggerEntityId = context["trigger_entity_id"]?.ToString(),
            DryRun = true,
            StartedAt = time.GetUtcNow(),
        };
        var deadline = time.GetUtcNow().AddSeconds(options.Value.DryRunWaitSeconds);
        while (true)
        {
            if (await client.GetAsync(instanceId, cancellationToken) is { } instance)
            {
                preview = CrmExecutionResults.Apply(preview, instance, workflow.ActionTypes) with { StartedAt = instance.CreatedAt };
                if (preview.IsFinished || time.GetUtcNow() >= deadline)
                {
                    return preview;
                }
            }
            else if (time.GetUtcNow() >= deadline)
            {
                return preview;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }
}
