using System.Text.Json.Nodes;
using Serverless.Helpdesk.Batches;
using Serverless.Helpdesk.Queue;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>First step of a batch: takes the newest <c>count</c> pending tickets that are not processed yet (or the
/// one ticket asked for, processed or not: the seed's "retraiter un ticket") and stores the batch. A retried step
/// returns the tickets it took the first time, so a resumed batch works on the same list.</summary>
internal sealed class TakeBatchActivity(HelpdeskBatchStore batches, HelpdeskQueue queue, TimeProvider time) : IActivity
{
    private static readonly TimeSpan HeldFor = TimeSpan.FromDays(1);

    public string Name => HelpdeskNames.TakeBatch;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var batchId = context.InstanceId;
        var count = (int)(ActivityInput.Number(context, "count") ?? 10);
        var delay = Math.Max(0, ActivityInput.Number(context, "delaySeconds") ?? 2.0);
        var ticketId = ActivityInput.Optional(context, "ticketId");
        var batch = await batches.GetAsync(batchId, cancellationToken);
        if (batch is null)
        {
            IReadOnlyList<PendingTicket> tickets;
            if (!string.IsNullOrWhiteSpace(ticketId))
            {
                tickets = [await queue.FindPendingAsync(ticketId, cancellationToken) ?? new PendingTicket(ticketId, "", "", time.GetUtcNow())];
            }
            else
            {
                var processed = await queue.ListProcessedAsync(cancellationToken);
                var done = processed.Where(p => p.Success).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
                var failed = processed.Where(p => !p.Success).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
                // A scheduled batch starting while another runs must not take its tickets: those of batches that
                // have not finished (started in the last day) are held back.
                var since = time.GetUtcNow() - HeldFor;
                done.UnionWith((await batches.ListAsync(cancellationToken))
                    .Where(b => b.Id != batchId && b.FinishedAt is null && b.StartedAt > since)
                    .SelectMany(b => b.Tickets).Select(t => t.Id));
                // Newest first, tickets that failed before after the others: a ticket that keeps failing cannot
                // hold a batch's places forever (--ticket ID runs it on demand).
                tickets = (await queue.ListPendingAsync(cancellationToken)).Where(t => !done.Contains(t.Id))
                    .OrderBy(t => failed.Contains(t.Id)).Take(Math.Max(0, count)).ToList();
            }

            batch = new HelpdeskBatch(batchId, count, context.DryRun, delay, ticketId, tickets, time.GetUtcNow(), null, null);
            await batches.SaveAsync(batch, cancellationToken);
        }

        var last = batch.Tickets.Count - 1;
        return new JsonObject
        {
            ["batchId"] = batchId,
            ["count"] = batch.Tickets.Count,
            ["atOnce"] = batch.DelaySeconds <= 0 && batch.Tickets.Count > 1,
            ["tickets"] = new JsonArray(batch.Tickets.Select((t, i) =>
            {
                var item = t.ToJson();
                item["pause"] = $"{(i == last ? 0 : (long)Math.Round(batch.DelaySeconds * 1000))}ms";
                return (JsonNode?)item;
            }).ToArray()),
        };
    }
}
