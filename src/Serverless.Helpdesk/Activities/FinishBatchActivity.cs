using System.Text.Json.Nodes;
using Serverless.Helpdesk.Batches;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>Last step of a batch: the summary (by action, failures, success rate, drafts) stored on the batch.</summary>
internal sealed class FinishBatchActivity(HelpdeskBatchStore batches, TimeProvider time) : IActivity
{
    public string Name => HelpdeskNames.FinishBatch;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var batchId = context.InstanceId;
        var summary = BatchSummary.OfResults(await batches.ListResultsAsync(batchId, cancellationToken)).ToJson();
        if (await batches.GetAsync(batchId, cancellationToken) is { } batch)
        {
            await batches.SaveAsync(batch with { FinishedAt = batch.FinishedAt ?? time.GetUtcNow(), Summary = summary }, cancellationToken);
        }

        summary["batch_id"] = batchId;
        summary["dry_run"] = context.DryRun;
        return summary;
    }
}
