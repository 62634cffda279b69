using System.Text.Json.Nodes;
using Serverless.Storage.Documents;

namespace Serverless.Helpdesk.Batches;

/// <summary>Batches and their v3 results on the document store: the batch in partition "batches", each ticket's
/// result in the batch's own partition (id = ticket id, so a retried step overwrites instead of adding).</summary>
public sealed class HelpdeskBatchStore(IDocumentStore store)
{
    private const string BatchPartition = "batches";

    public Task SaveAsync(HelpdeskBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return store.UpsertAsync(HelpdeskNames.BatchCollection, new Document(batch.Id, BatchPartition, batch.ToJson()), cancellationToken);
    }

    public async Task<HelpdeskBatch?> GetAsync(string batchId, CancellationToken cancellationToken) =>
        await store.ReadAsync(HelpdeskNames.BatchCollection, BatchPartition, batchId, cancellationToken) is { } doc ? HelpdeskBatch.FromJson(doc.Body) : null;

    public async Task<IReadOnlyList<HelpdeskBatch>> ListAsync(CancellationToken cancellationToken) =>
        (await store.QueryAllAsync(HelpdeskNames.BatchCollection, new DocumentQuery(BatchPartition) { OrderBy = new QueryOrder("started_at", Descending: true) }, cancellationToken)).Select(d => HelpdeskBatch.FromJson(d.Body)).ToList();

    public Task SaveResultAsync(string batchId, string ticketId, JsonObject result, CancellationToken cancellationToken) =>
        store.UpsertAsync(HelpdeskNames.BatchCollection, new Document(ticketId, batchId, result), cancellationToken);

    public async Task<IReadOnlyList<JsonObject>> ListResultsAsync(string batchId, CancellationToken cancellationToken) =>
        (await store.QueryAllAsync(HelpdeskNames.BatchCollection, new DocumentQuery(batchId), cancellationToken)).Select(d => WithoutKeys(d.Body)).ToList();

    /// <summary>The result as recorded, without the store's own id and pk.</summary>
    private static JsonObject WithoutKeys(JsonObject body)
    {
        body.Remove("id");
        body.Remove("pk");
        return body;
    }
}
