namespace Serverless.Storage.Documents;

/// <summary>
/// A query inside one partition: filters joined with AND, an optional single-field order, a page size and the
/// continuation token returned by the previous page. Without <see cref="OrderBy"/> the order is unspecified.
/// </summary>
public sealed record DocumentQuery(string PartitionKey)
{
    public const int MaxPageSize = 1000;

    public IReadOnlyList<QueryFilter> Filters { get; init; } = [];

    public QueryOrder? OrderBy { get; init; }

    public int PageSize { get; init; } = 100;

    public string? ContinuationToken { get; init; }
}

public sealed record QueryOrder(string Field, bool Descending = false);

public sealed record DocumentPage(IReadOnlyList<Document> Items, string? ContinuationToken);
