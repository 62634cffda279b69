namespace Serverless.Storage.Documents;

public static class DocumentStoreExtensions
{
    /// <summary>Every document the query selects, read page after page (the query's page size and token are
    /// replaced: pages of <see cref="DocumentQuery.MaxPageSize"/> from the first).</summary>
    public static async Task<List<Document>> QueryAllAsync(this IDocumentStore store, string collection, DocumentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        var all = new List<Document>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(collection, query with { PageSize = DocumentQuery.MaxPageSize, ContinuationToken = token }, cancellationToken);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return all;
    }
}
