using Serverless.Storage.Documents;

namespace Serverless.Crm.Data;

/// <summary>Every document of the CRM's partition that the filters select, read page after page (the built-in
/// CRM keeps each collection in one partition, so a list is one partition query).</summary>
internal static class DocumentPages
{
    public static Task<List<Document>> AllAsync(
        IDocumentStore documents, string collection, IReadOnlyList<QueryFilter> filters, CancellationToken cancellationToken) =>
        documents.QueryAllAsync(collection, new DocumentQuery(DocumentCrmStore.PartitionKey) { Filters = filters }, cancellationToken);
}
