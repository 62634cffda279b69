using Serverless.Crm.Workflows;

namespace Serverless.Crm.Executions;

/// <summary>GET /api/v1/workflows/{id}/stats, the seed's fields: success_rate in percent of the finished
/// executions (one decimal), avg_duration_seconds over the finished ones, last_execution the newest start.</summary>
public sealed record CrmWorkflowStats(
    int TotalExecutions, int SuccessCount, int FailedCount, int SkippedCount, int RunningCount,
    double SuccessRate, double? AvgDurationSeconds, DateTimeOffset? LastExecution)
{
    public static CrmWorkflowStats Of(IReadOnlyList<CrmExecution> executions)
    {
        ArgumentNullException.ThrowIfNull(executions);
        var success = executions.Count(e => e.Status == CrmExecutionStatuses.Success);
        var failed = executions.Count(e => e.Status == CrmExecutionStatuses.Failed);
        var skipped = executions.Count(e => e.Status == CrmExecutionStatuses.Skipped);
        var finished = success + failed + skipped;
        var durations = executions.Where(e => e.DurationSeconds is not null).Select(e => e.DurationSeconds!.Value).ToList();
        return new CrmWorkflowStats(
            executions.Count, success, failed, skipped, executions.Count - finished,
            finished == 0 ? 0 : Math.Round(100.0 * success / finished, 1),
            durations.Count == 0 ? null : Math.Round(durations.Average(), 3),
            executions.Count == 0 ? null : executions.Max(e => e.StartedAt));
    }
}
