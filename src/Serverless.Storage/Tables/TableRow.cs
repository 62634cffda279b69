namespace Serverless.Storage.Tables;

/// <summary>
/// One small keyed row of an <see cref="ITableStore"/> table: partition key, row key, a string payload (often JSON)
/// and, optionally, when it expires. <see cref="ETag"/> is set by the store on every write and read.
/// </summary>
/// <param name="ExpiresAt">After this instant the row reads as absent and a sweep may delete it; null: never.</param>
public sealed record TableRow(string PartitionKey, string RowKey, string Value, DateTimeOffset? ExpiresAt = null, string? ETag = null);
