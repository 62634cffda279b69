using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Serverless.Storage.Tables;

namespace Serverless.Storage.Dedup;

/// <summary>
/// <see cref="IDedupKeys"/> as insert-if-absent rows of the "dedupkeys" table: partition = scope, row = key,
/// expiring at claim time + TTL. Keys too long for a row key are replaced by their SHA-256.
/// </summary>
public sealed class TableDedupKeys(ITableStore store, TimeProvider time) : IDedupKeys
{
    public const string Table = "dedupkeys";

    public async Task<bool> TryClaimAsync(string scope, string key, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var now = time.GetUtcNow();
        var row = new TableRow(scope, RowKey(key), now.ToString("O", CultureInfo.InvariantCulture), now + ttl);
        return await store.TryInsertAsync(Table, row, cancellationToken);
    }

    public Task<int> SweepExpiredAsync(CancellationToken cancellationToken = default) => store.SweepExpiredAsync(Table, cancellationToken);

    private static string RowKey(string key) =>
        key.Length <= 128 ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
