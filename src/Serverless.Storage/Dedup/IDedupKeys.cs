namespace Serverless.Storage.Dedup;

/// <summary>
/// Idempotency and replay keys every host shares: "has anyone claimed this key in this scope within its TTL?".
/// Backed by the table store, so all Functions workers (Azure Table storage) or the embedded host (SQLite) agree.
/// </summary>
public interface IDedupKeys
{
    /// <summary>Claims <paramref name="key"/> in <paramref name="scope"/> for <paramref name="ttl"/>: true the
    /// first time, false while an earlier claim is live. Once the TTL has passed the key can be claimed again.</summary>
    Task<bool> TryClaimAsync(string scope, string key, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Deletes expired claims; returns how many. Expired claims already read as absent, this only frees space.</summary>
    Task<int> SweepExpiredAsync(CancellationToken cancellationToken = default);
}
