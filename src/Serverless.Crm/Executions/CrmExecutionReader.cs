using Serverless.Crm.Running;
using Serverless.Runtime.Abstractions;

namespace Serverless.Crm.Executions;

/// <summary>
/// Reads executions up to date: one that is not finished in the store is looked up on its instance, and once the
/// instance has ended the finished execution is written back, so each run is read off its instance at most once
/// after it ended. Statistics are computed from the executions so refreshed.
/// </summary>
public sealed class CrmExecutionReader(CrmExecutionStore store, IWorkflowClient client, CrmWorkflowRegistry registry)
{
    public async Task<CrmExecution?> GetAsync(string executionId, CancellationToken cancellationToken = default) =>
        await store.GetAsync(executionId, cancellationToken) is { } execution ? await RefreshAsync(execution, cancellationToken) : null;

    public async Task<IReadOnlyList<CrmExecution>> ListAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        var all = await store.ListAsync(workflowId, cancellationToken: cancellationToken);
        var refreshed = new List<CrmExecution>(all.Count);
        foreach (var execution in all)
        {
            refreshed.Add(await RefreshAsync(execution, cancellationToken));
        }

        return refreshed;
    }

    /// <summary>The seed's get_workflow_stats over every execution kept.</summary>
    public async Task<CrmWorkflowStats> StatsAsync(string workflowId, CancellationToken cancellationToken = default) =>
        CrmWorkflowStats.Of(await ListAsync(workflowId, cancellationToken));

    private async Task<CrmExecution> RefreshAsync(CrmExecution execution, CancellationToken cancellationToken)
    {
        if (execution.IsFinished || await client.GetAsync(execution.Id, cancellationToken) is not { } instance)
        {
            return execution;
        }

        var definition = await registry.VersionAsync(execution.WorkflowId, execution.WorkflowVersion, cancellationToken);
        var types = definition?.Steps.OfType<Engine.Definitions.ActivityStep>()
            .Where(s => s.Id.StartsWith("action_", StringComparison.Ordinal))
            .Select(s => s.Activity.StartsWith("crm.", StringComparison.Ordinal) ? s.Activity["crm.".Length..] : s.Activity)
            .ToList() ?? [];
        var updated = CrmExecutionResults.Apply(execution, instance, types);
        if (updated.IsFinished || updated.Status != execution.Status)
        {
            await store.SaveAsync(updated, cancellationToken);
        }

        return updated;
    }
}
