using System.Text.Json.Nodes;
using Serverless.Storage.Documents;

namespace Serverless.Helpdesk.Queue;

/// <summary>
/// The seed's two lists on the document store: pending tickets (helpdesk-pending, newest first) and processed
/// tickets (helpdesk-processed, one entry per ticket: its latest outcome). A ticket leaves pending only when its
/// result is recorded as a success outside a dry run, so a crash loses nothing from either list; a failed ticket
/// stays pending (replayable) with its reason in processed.
/// </summary>
public sealed class HelpdeskQueue(IDocumentStore store)
{
    private const string PendingPartition = "pending";
    private const string ProcessedPartition = "processed";

    /// <summary>Replaces the pending list with a fresh read of Zoho Desk, leaving out tickets already processed
    /// successfully. Returns how many are pending.</summary>
    public async Task<int> ReplacePendingAsync(IReadOnlyList<PendingTicket> tickets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var done = (await ListProcessedAsync(cancellationToken)).Where(p => p.Success).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var keep = tickets.Where(t => !done.Contains(t.Id)).DistinctBy(t => t.Id).ToList();
        var keepIds = keep.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var ticket in keep)
        {
            await store.UpsertAsync(HelpdeskNames.PendingCollection, new Document(ticket.Id, PendingPartition, ticket.ToJson()), cancellationToken);
        }

        foreach (var stale in (await ListPendingAsync(cancellationToken)).Where(p => !keepIds.Contains(p.Id)))
        {
            await store.DeleteAsync(HelpdeskNames.PendingCollection, PendingPartition, stale.Id, cancellationToken: cancellationToken);
        }

        return keep.Count;
    }

    /// <summary>Newest first (createdTime descending), as the seed processes them.</summary>
    public async Task<IReadOnlyList<PendingTicket>> ListPendingAsync(CancellationToken cancellationToken)
    {
        var items = await store.QueryAllAsync(HelpdeskNames.PendingCollection, new DocumentQuery(PendingPartition) { OrderBy = new QueryOrder("createdTime", Descending: true) }, cancellationToken);
        return items.Select(d => PendingTicket.FromJson(d.Body)).ToList();
    }

    public async Task<PendingTicket?> FindPendingAsync(string ticketId, CancellationToken cancellationToken) =>
        await store.ReadAsync(HelpdeskNames.PendingCollection, PendingPartition, ticketId, cancellationToken) is { } doc ? PendingTicket.FromJson(doc.Body) : null;

    public async Task<IReadOnlyList<ProcessedTicket>> ListProcessedAsync(CancellationToken cancellationToken)
    {
        var items = await store.QueryAllAsync(HelpdeskNames.ProcessedCollection, new DocumentQuery(ProcessedPartition) { OrderBy = new QueryOrder("processed_at") }, cancellationToken);
        return items.Select(d => FromJson(d.Body)).ToList();
    }

    public async Task<ProcessedTicket?> FindProcessedAsync(string ticketId, CancellationToken cancellationToken) =>
        await store.ReadAsync(HelpdeskNames.ProcessedCollection, ProcessedPartition, ticketId, cancellationToken) is { } doc ? FromJson(doc.Body) : null;

    /// <summary>Records a ticket's outcome; a success outside a dry run also removes it from pending (after the
    /// record is stored: a crash in between leaves it in both lists, and the next batch skips it as processed).</summary>
    public async Task RecordAsync(ProcessedTicket processed, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(processed);
        if (dryRun)
        {
            return;
        }

        if (!processed.Success && await FindProcessedAsync(processed.Id, cancellationToken) is { Success: true })
        {
            // Reprocessing a done ticket failed: it stays done (its draft exists); the failure is in the batch's results.
            return;
        }

        await store.UpsertAsync(HelpdeskNames.ProcessedCollection, new Document(processed.Id, ProcessedPartition, processed.ToJson()), cancellationToken);
        if (processed.Success)
        {
            await store.DeleteAsync(HelpdeskNames.PendingCollection, PendingPartition, processed.Id, cancellationToken: cancellationToken);
        }
    }


    private static ProcessedTicket FromJson(JsonObject body) => new(
        body["id"]!.GetValue<string>(),
        DateTimeOffset.Parse(body["processed_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal),
        body["success"]?.GetValue<bool>() ?? false,
        body["workflow_stage"]?.GetValue<string>() ?? "",
        body["triage_action"]?.GetValue<string>(),
        body["primary_intent"]?.GetValue<string>(),
        body["draft_created"]?.GetValue<bool>() ?? false,
        body["batch_id"]?.GetValue<string>() ?? "",
        body["error"]?.GetValue<string>());
}
