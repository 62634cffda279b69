using System.Security.Cryptography;
using System.Text;
using Serverless.Storage.Tables;

namespace Serverless.Storage.Dedup;

/// <summary>
/// <see cref="IDedupKeys"/> as insert-if-absent rows of the "dedupkeys" table: partition = scope, row = key,
/// value = the recorded value ("" when none), expiring at claim time + TTL. Keys too long for a row key are
/// replaced by their SHA-256.
/// </summary>
public sealed class TableDedupKeys(ITableStore store, TimeProvider time) : IDedupKeys
{
    public const string Table = "dedupkeys";

    public async Task<bool> TryClaimAsync(string scope, string key, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var row = new TableRow(scope, RowKey(key), "", time.GetUtcNow() + ttl);
        return await store.TryInsertAsync(Table, row, cancellationToken);
    }

    public async Task<string?> GetValueAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return (await store.GetAsync(Table, scope, RowKey(key), cancellationToken))?.Value;
    }

    public async Task RecordValueAsync(string scope, string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        await store.UpsertAsync(Table, new TableRow(scope, RowKey(key), value, time.GetUtcNow() + ttl), cancellationToken);
    }

    public Task<bool> ReleaseAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return store.DeleteAsync(Table, scope, RowKey(key), cancellationToken);
    }

    public Task<int> SweepExpiredAsync(CancellationToken cancellationToken = default) => store.SweepExpiredAsync(Table, cancellationToken);

    private static string RowKey(string key) =>
        key.Length <= 128 ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
