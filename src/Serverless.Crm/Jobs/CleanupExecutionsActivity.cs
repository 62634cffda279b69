using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Crm.Executions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Crm.Jobs;

/// <summary>crm.jobs.cleanup_executions (the seed's cleanup_old_executions): removes the executions started more
/// than Crm:ExecutionRetentionDays ago (90) and purges their instances. A dry run only counts them.</summary>
public sealed class CleanupExecutionsActivity(CrmExecutionStore executions, IWorkflowClient client, TimeProvider time, IOptions<CrmOptions> options) : IActivity
{
    public string Name => CrmJobs.CleanupActivity;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var before = time.GetUtcNow().AddDays(-options.Value.ExecutionRetentionDays);
        var old = await executions.StartedBeforeAsync(before, cancellationToken);
        if (!context.DryRun)
        {
            foreach (var execution in old)
            {
                // The instance first: an execution record without its instance is still listed; never the reverse.
                await client.PurgeAsync(execution.Id, cancellationToken);
                await executions.DeleteAsync(execution.Id, cancellationToken);
            }
        }

        return new JsonObject
        {
            ["older_than"] = before.ToString("O", CultureInfo.InvariantCulture),
            ["removed"] = context.DryRun ? 0 : old.Count,
            ["found"] = old.Count,
        };
    }
}
