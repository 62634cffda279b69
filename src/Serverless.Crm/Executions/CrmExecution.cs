using System.Text.Json.Nodes;

namespace Serverless.Crm.Executions;

/// <summary>
/// One execution of a CRM workflow (the seed's workflow_executions row). Its id is the instance id of the run, so
/// an execution and the durable instance behind it are one thing seen two ways. Written PENDING when the run
/// starts; completed from the instance the first time someone reads it after the run ended.
/// </summary>
public sealed record CrmExecution
{
    public required string Id { get; init; }

    public required string WorkflowId { get; init; }

    public int WorkflowVersion { get; init; }

    public string Status { get; init; } = Workflows.CrmExecutionStatuses.Pending;

    /// <summary>event, manual, scheduled, webhook or inactivity.</summary>
    public required string TriggeredBy { get; init; }

    public string? TriggerEntityType { get; init; }

    public string? TriggerEntityId { get; init; }

    /// <summary>The change event's id for event-started runs (the dedup key).</summary>
    public string? EventId { get; init; }

    public bool DryRun { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>The seed's actions_executed: per action its index, type, status (SUCCESS / FAILED), attempts, output, error.</summary>
    public JsonArray ActionsExecuted { get; init; } = [];

    /// <summary>The seed's execution_logs: one line per step event, oldest first.</summary>
    public JsonArray ExecutionLogs { get; init; } = [];

    public bool IsFinished => Status is Workflows.CrmExecutionStatuses.Success or Workflows.CrmExecutionStatuses.Failed or Workflows.CrmExecutionStatuses.Skipped;

    public double? DurationSeconds => CompletedAt is { } end ? Math.Round((end - StartedAt).TotalSeconds, 3) : null;
}
