using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Crm.Executions;
using Serverless.Crm.Running;
using Serverless.Crm.Workflows.Store;

namespace Serverless.Crm.Api;

/// <summary>The JSON the workflow API answers with: the seed's WorkflowResponse and WorkflowExecutionResponse
/// fields (snake_case, integer ids), plus version and the links between them.</summary>
public static class CrmWorkflowViews
{
    public static JsonObject Workflow(CrmWorkflow workflow, long executionCount, DateTimeOffset? lastExecutedAt)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var json = new JsonObject { ["id"] = Id(workflow.Id) };
        foreach (var (name, value) in workflow.SeedJson())
        {
            json[name] = value?.DeepClone();
        }

        json["version"] = workflow.Version;
        json["created_by"] = workflow.CreatedBy;
        json["execution_count"] = executionCount;
        json["last_executed_at"] = Time(lastExecutedAt);
        json["created_at"] = Time(workflow.CreatedAt);
        json["updated_at"] = Time(workflow.UpdatedAt);
        return json;
    }

    /// <summary>The export: the seed document a POST /import (or POST /workflows) takes back, with where it came from.</summary>
    public static JsonObject Export(CrmWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var json = workflow.SeedJson();
        json["version"] = workflow.Version;
        return json;
    }

    public static JsonObject Version(CrmWorkflowVersion version) => new()
    {
        ["workflow_id"] = Id(version.WorkflowId),
        ["version"] = version.Version,
        ["change"] = version.Change,
        ["by"] = version.By,
        ["created_at"] = Time(version.CreatedAt),
        ["definition"] = version.Definition.DeepClone(),
    };

    /// <summary>An execution; <paramref name="full"/> adds the logs and each action's output (the detail view).</summary>
    public static JsonObject Execution(CrmExecution execution, bool full)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var prefix = CrmWorkflowRunner.ExecutionId(execution.WorkflowId, "");
        var json = new JsonObject
        {
            ["id"] = execution.Id.StartsWith(prefix, StringComparison.Ordinal) ? execution.Id[prefix.Length..] : execution.Id,
            ["instance_id"] = execution.Id,
            ["workflow_id"] = Id(execution.WorkflowId),
            ["workflow_version"] = execution.WorkflowVersion,
            ["status"] = execution.Status,
            ["triggered_by"] = execution.TriggeredBy,
            ["trigger_entity_type"] = execution.TriggerEntityType,
            ["trigger_entity_id"] = EntityId(execution.TriggerEntityId),
            ["event_id"] = execution.EventId,
            ["dry_run"] = execution.DryRun,
            ["started_at"] = Time(execution.StartedAt),
            ["completed_at"] = Time(execution.CompletedAt),
            ["duration_seconds"] = execution.DurationSeconds,
            ["error_message"] = execution.ErrorMessage,
        };
        if (full)
        {
            json["actions_executed"] = execution.ActionsExecuted.DeepClone();
            json["execution_logs"] = execution.ExecutionLogs.DeepClone();
        }
        else
        {
            json["actions_executed"] = new JsonArray([.. execution.ActionsExecuted.OfType<JsonObject>().Select(a => (JsonNode)new JsonObject
            {
                ["index"] = a["index"]?.DeepClone(),
                ["type"] = a["type"]?.DeepClone(),
                ["status"] = a["status"]?.DeepClone(),
            })]);
        }

        return json;
    }

    public static JsonObject Stats(string workflowId, CrmWorkflowStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return new JsonObject
        {
            ["workflow_id"] = Id(workflowId),
            ["total_executions"] = stats.TotalExecutions,
            ["success_count"] = stats.SuccessCount,
            ["failed_count"] = stats.FailedCount,
            ["skipped_count"] = stats.SkippedCount,
            ["running_count"] = stats.RunningCount,
            ["success_rate"] = stats.SuccessRate,
            ["avg_duration_seconds"] = stats.AvgDurationSeconds,
            ["last_execution"] = Time(stats.LastExecution),
        };
    }

    /// <summary>The seed's ids are integers: "12" is answered as 12; anything else stays text.</summary>
    public static JsonNode? Id(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(id);

    private static JsonNode? EntityId(string? id) => id is null ? null : Id(id);

    private static JsonNode? Time(DateTimeOffset? at) => at is { } t ? JsonValue.Create(t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)) : null;
}
