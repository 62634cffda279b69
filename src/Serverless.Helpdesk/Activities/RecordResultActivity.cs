using System.Text.Json.Nodes;
using Serverless.Helpdesk.Batches;
using Serverless.Helpdesk.Queue;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>Last step: the v3 result (<see cref="TicketResult"/>) is stored with the batch, and outside a dry run
/// the ticket is recorded as processed and leaves the pending list. Upserts only: a retry writes the same again.</summary>
internal sealed class RecordResultActivity(HelpdeskBatchStore batches, HelpdeskQueue queue, TimeProvider time) : IActivity
{
    public string Name => HelpdeskNames.RecordResult;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var ticketId = ActivityInput.Required(context, "ticketId");
        var batchId = ActivityInput.Optional(context, "batchId") ?? context.InstanceId;
        var decide = ActivityValues.Object(context, "decide");
        var result = TicketResult.Build(ticketId, context.DryRun,
            ActivityValues.Object(context, "deal"),
            ActivityValues.OptionalObject(context, "exam"),
            ActivityValues.Object(context, "intents"),
            decide,
            context.Input?["draft"] as JsonObject,
            context.Input?["crm"] as JsonObject,
            context.Input?["note"] as JsonObject ?? context.Input?["stopNote"] as JsonObject,
            context.Input?["move"] as JsonObject);
        await batches.SaveResultAsync(batchId, ticketId, result, cancellationToken);
        await queue.RecordAsync(new ProcessedTicket(ticketId, time.GetUtcNow(), Success: true,
            result["stage"]?.GetValue<string>() ?? "", result["triage_action"]?.GetValue<string>(),
            result["triage"]?["detected_intent"]?.GetValue<string>(), result["draft_created"]?.GetValue<bool>() ?? false,
            batchId, Error: null), context.DryRun, cancellationToken);
        return result;
    }
}
