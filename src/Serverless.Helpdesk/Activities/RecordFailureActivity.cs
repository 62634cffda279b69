using System.Text.Json.Nodes;
using Serverless.Helpdesk.Batches;
using Serverless.Helpdesk.Queue;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>A ticket whose workflow failed (its retries spent): the reason goes into the batch's results and the
/// processed list, and the ticket stays pending, so the next batch or --ticket ID runs it again.</summary>
internal sealed class RecordFailureActivity(HelpdeskBatchStore batches, HelpdeskQueue queue, TimeProvider time) : IActivity
{
    public string Name => HelpdeskNames.RecordFailure;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var ticketId = ActivityInput.Required(context, "ticketId");
        var error = ActivityInput.Optional(context, "error") ?? "The ticket's workflow failed.";
        var batchId = context.InstanceId;
        var result = TicketResult.Failed(ticketId, error);
        await batches.SaveResultAsync(batchId, ticketId, result, cancellationToken);
        await queue.RecordAsync(new ProcessedTicket(ticketId, time.GetUtcNow(), Success: false, "FAILED", null, null, false, batchId, error),
            context.DryRun, cancellationToken);
        return result;
    }
}
