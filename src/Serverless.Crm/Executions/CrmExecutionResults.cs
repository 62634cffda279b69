using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Crm.Workflows;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Crm.Executions;

/// <summary>
/// Reads an execution's status and results off the durable instance that ran it:
/// Pending → PENDING; Running / Waiting → RUNNING; Completed with output outcome SKIPPED → SKIPPED (conditions
/// false); Completed with every action done → SUCCESS; Completed with an action that failed after its retries →
/// FAILED ("1 of 3 actions failed: ..."; the other actions still ran, as in the seed); Failed / Terminated → FAILED.
/// </summary>
public static class CrmExecutionResults
{
    /// <param name="actionTypes">The workflow version's action types, by index.</param>
    public static CrmExecution Apply(CrmExecution execution, InstanceView instance, IReadOnlyList<string> actionTypes)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(actionTypes);
        var actions = Actions(instance, actionTypes);
        var logs = Logs(instance);
        var failed = actions.OfType<JsonObject>().Where(a => a["status"]?.ToString() == CrmExecutionStatuses.Failed).ToList();
        var (status, error) = instance.Status switch
        {
            InstanceStatus.Pending => (CrmExecutionStatuses.Pending, (string?)null),
            InstanceStatus.Running or InstanceStatus.Waiting => (CrmExecutionStatuses.Running, null),
            InstanceStatus.Completed when instance.Output?["outcome"]?.ToString() == CrmExecutionStatuses.Skipped =>
                (CrmExecutionStatuses.Skipped, "Conditions not met."),
            InstanceStatus.Completed when failed.Count > 0 => (CrmExecutionStatuses.Failed,
                $"{failed.Count} of {actions.Count} actions failed: " + string.Join("; ", failed.Select(a => $"{a["index"]} {a["type"]}: {a["error"]}"))),
            InstanceStatus.Completed => (CrmExecutionStatuses.Success, null),
            InstanceStatus.Terminated => (CrmExecutionStatuses.Failed, $"Terminated: {instance.Error?.Message ?? "by request"}"),
            _ => (CrmExecutionStatuses.Failed, instance.Error?.Message ?? "The run failed."),
        };
        return execution with
        {
            Status = status,
            ErrorMessage = error,
            CompletedAt = status is CrmExecutionStatuses.Pending or CrmExecutionStatuses.Running ? null : instance.EndedAt ?? instance.CreatedAt,
            ActionsExecuted = actions,
            ExecutionLogs = logs,
        };
    }

    private static JsonArray Actions(InstanceView instance, IReadOnlyList<string> actionTypes)
    {
        var actions = new JsonArray();
        foreach (var step in instance.Timeline.Where(s => s.StepId.StartsWith("action_", StringComparison.Ordinal)).OrderBy(s => s.StartedAt))
        {
            var index = int.Parse(step.StepId["action_".Length..], CultureInfo.InvariantCulture);
            var type = index < actionTypes.Count ? actionTypes[index] : null;
            actions.Add(new JsonObject
            {
                ["index"] = index,
                ["type"] = type,
                ["status"] = step.Status switch
                {
                    StepStatus.Completed => CrmExecutionStatuses.Success,
                    StepStatus.Failed => CrmExecutionStatuses.Failed,
                    _ => CrmExecutionStatuses.Running,
                },
                ["attempts"] = step.Attempts,
                ["started_at"] = step.StartedAt,
                ["completed_at"] = step.EndedAt,
                ["output"] = step.Output?.DeepClone(),
                ["error"] = step.Error?.Message,
            });
        }

        return actions;
    }

    private static JsonArray Logs(InstanceView instance)
    {
        var logs = new JsonArray();
        foreach (var step in instance.Timeline.OrderBy(s => s.StartedAt))
        {
            var line = $"{step.StartedAt.ToUniversalTime():O} {step.StepId} {step.Status}" + (step.Attempts > 1 ? $" after {step.Attempts} attempts" : "")
                + (step.Error is { } e ? $": {e.Kind}: {e.Message}" : "");
            logs.Add(line);
            foreach (var note in step.Notes)
            {
                logs.Add($"{step.StepId}: {note}");
            }
        }

        return logs;
    }
}
