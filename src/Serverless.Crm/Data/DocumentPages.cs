using Serverless.Storage.Documents;

namespace Serverless.Crm.Data;

/// <summary>Every document of the CRM's partition that the filters select, read page after page (the built-in
/// CRM keeps each collection in one partition, so a list is one partition query).</summary>
internal static class DocumentPages
{
    public static async Task<List<Document>> AllAsync(
        IDocumentStore documents, string collection, IReadOnlyList<QueryFilter> filters, CancellationToken cancellationToken)
    {
        var all = new List<Document>();
        string? token = null;
        do
        {
            var page = await documents.QueryAsync(collection, new DocumentQuery(DocumentCrmStore.PartitionKey)
            {
                Filters = filters,
                PageSize = DocumentQuery.MaxPageSize,
                ContinuationToken = token,
            }, cancellationToken);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return all;
    }
}
