namespace Serverless.Storage.Tables;

/// <summary>
/// A page of one partition, in row key order. A page may hold fewer rows than asked for even when more follow
/// (Table storage cuts pages at its own limits): keep asking while <see cref="ContinuationToken"/> is not null.
/// </summary>
public sealed record TableRowPage(IReadOnlyList<TableRow> Rows, string? ContinuationToken);
