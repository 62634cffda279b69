namespace Serverless.Storage.Tables;

/// <summary>
/// Small keyed rows many hosts share: dedup keys, throttles, call logs. Rows are addressed by table, partition key
/// and row key; a partition is the unit of ordered reads. Expired rows behave as absent everywhere (reads, queries,
/// insert-if-absent) until <see cref="SweepExpiredAsync"/> deletes them. Tables are created on first use.
/// Table names: 3-63 lowercase letters or digits, starting with a letter. Keys: 1-255 characters, any characters
/// (those Azure refuses are encoded by the store and decoded on the way back).
/// </summary>
public interface ITableStore
{
    /// <summary>The live row, or null when it is missing or expired.</summary>
    Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Writes the row unless a live one has its keys: true when this call wrote it. An expired row is
    /// taken over. Of concurrent callers, exactly one gets true.</summary>
    Task<bool> TryInsertAsync(string table, TableRow row, CancellationToken cancellationToken = default);

    /// <summary>Writes the row whatever is there; returns its new ETag.</summary>
    Task<string> UpsertAsync(string table, TableRow row, CancellationToken cancellationToken = default);

    /// <summary>Replaces the row only if its ETag is still <paramref name="ifMatch"/>: the new ETag, or null when
    /// the row was changed or deleted since it was read (the caller lost a race).</summary>
    Task<string?> TryReplaceAsync(string table, TableRow row, string ifMatch, CancellationToken cancellationToken = default);

    /// <summary>Deletes the row; true when a live row was deleted (an expired one is removed too, but reports false).</summary>
    Task<bool> DeleteAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Live rows of one partition in ordinal row key order, at most <paramref name="pageSize"/> (1-1000) at a time.</summary>
    Task<TableRowPage> QueryAsync(string table, string partitionKey, int pageSize = 100, string? continuationToken = null,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes the table's expired rows, all partitions; returns how many it deleted.</summary>
    Task<int> SweepExpiredAsync(string table, CancellationToken cancellationToken = default);
}
