using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Crm.Data;
using Serverless.Storage.Documents;
using Serverless.Storage.Errors;

namespace Serverless.Crm.Executions;

/// <summary>
/// Executions on the document store: collection crm-executions (partition "crm", id = instance id), and one
/// counter document per workflow in crm-workflow-counters (execution_count, last_executed_at) that a start
/// increments atomically, so listing workflows needs no scan of their executions.
/// </summary>
public sealed class CrmExecutionStore(IDocumentStore documents)
{
    public const string Collection = "crm-executions";
    public const string CountersCollection = "crm-workflow-counters";
    private const string Partition = DocumentCrmStore.PartitionKey;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Stores a new execution; false (nothing written) when one with that id exists: the same event or
    /// request seen twice.</summary>
    public async Task<bool> StartAsync(CrmExecution execution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        try
        {
            await documents.CreateAsync(Collection, Write(execution), cancellationToken);
        }
        catch (ItemAlreadyExistsException)
        {
            return false;
        }

        if (!execution.DryRun)
        {
            await CountAsync(execution.WorkflowId, execution.StartedAt, cancellationToken);
        }

        return true;
    }

    public async Task<CrmExecution?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await documents.ReadAsync(Collection, Partition, id, cancellationToken) is { } document ? Read(document) : null;

    public Task SaveAsync(CrmExecution execution, CancellationToken cancellationToken = default) =>
        documents.UpsertAsync(Collection, Write(execution), cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        documents.DeleteAsync(Collection, Partition, id, cancellationToken: cancellationToken);

    /// <summary>Every execution of a workflow (optionally only one status), newest first.</summary>
    public async Task<IReadOnlyList<CrmExecution>> ListAsync(string workflowId, string? status = null, CancellationToken cancellationToken = default)
    {
        List<QueryFilter> filters = [QueryFilter.Eq("workflow_id", JsonValue.Create(workflowId))];
        if (status is not null)
        {
            filters.Add(QueryFilter.Eq("status", JsonValue.Create(status)));
        }

        return [.. (await QueryAllAsync(filters, cancellationToken)).OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id, StringComparer.Ordinal)];
    }

    /// <summary>Executions started before <paramref name="before"/> (any workflow): what the cleanup removes.</summary>
    public Task<List<CrmExecution>> StartedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        QueryAllAsync([QueryFilter.Lt("started_at", JsonValue.Create(before.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)))], cancellationToken);

    /// <summary>execution_count and last_executed_at of a workflow (0 and null before its first run).</summary>
    public async Task<(long Count, DateTimeOffset? Last)> CounterAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        var document = await documents.ReadAsync(CountersCollection, Partition, workflowId, cancellationToken);
        return document is null
            ? (0, null)
            : (DocumentCrmStore.WholeNumber(document.Body["count"]), document.Body["last"]?.GetValue<DateTimeOffset>());
    }

    public Task DeleteCounterAsync(string workflowId, CancellationToken cancellationToken = default) =>
        documents.DeleteAsync(CountersCollection, Partition, workflowId, cancellationToken: cancellationToken);

    private async Task CountAsync(string workflowId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        IReadOnlyList<DocumentPatch> patch = [DocumentPatch.Increment("count", 1L), DocumentPatch.Set("last", JsonValue.Create(at))];
        try
        {
            await documents.PatchAsync(CountersCollection, Partition, workflowId, patch, cancellationToken: cancellationToken);
        }
        catch (ItemNotFoundException)
        {
            try
            {
                await documents.CreateAsync(CountersCollection, new Document(workflowId, Partition, new JsonObject { ["count"] = 1L, ["last"] = at }), cancellationToken);
            }
            catch (ItemAlreadyExistsException)
            {
                await documents.PatchAsync(CountersCollection, Partition, workflowId, patch, cancellationToken: cancellationToken);
            }
        }
    }

    private async Task<List<CrmExecution>> QueryAllAsync(IReadOnlyList<QueryFilter> filters, CancellationToken cancellationToken) =>
        [.. (await DocumentPages.AllAsync(documents, Collection, filters, cancellationToken)).Select(Read)];

    private static Document Write(CrmExecution execution)
    {
        var body = JsonSerializer.SerializeToNode(execution, Json)!.AsObject();
        body.Remove("id");
        body.Remove("is_finished");
        body.Remove("duration_seconds");
        body["started_at"] = execution.StartedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        return new Document(execution.Id, Partition, body);
    }

    private static CrmExecution Read(Document document)
    {
        var body = document.Body.DeepClone().AsObject();
        body.Remove(Document.PartitionKeyProperty);
        body["id"] = document.Id;
        return body.Deserialize<CrmExecution>(Json) ?? throw new InvalidDataException($"{Collection}/{document.Id}: empty document.");
    }
}
