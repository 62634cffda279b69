namespace Serverless.Storage.Dedup;

/// <summary>
/// Idempotency and replay keys every host shares: "has anyone claimed this key in this scope within its TTL?".
/// Backed by the table store, so all Functions workers (Azure Table storage) or the embedded host (SQLite) agree.
/// A claim can carry a value (what the first claimant did, e.g. the instance it started) for later claimants to read.
/// </summary>
public interface IDedupKeys
{
    /// <summary>Claims <paramref name="key"/> in <paramref name="scope"/> for <paramref name="ttl"/>: true the
    /// first time, false while an earlier claim is live. Once the TTL has passed the key can be claimed again.</summary>
    Task<bool> TryClaimAsync(string scope, string key, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>The value recorded on the live claim of <paramref name="key"/>: "" while none is recorded, null when
    /// the key is not claimed (never, expired or released).</summary>
    Task<string?> GetValueAsync(string scope, string key, CancellationToken cancellationToken = default);

    /// <summary>Records <paramref name="value"/> on the claim of <paramref name="key"/> (claiming it if needed), live
    /// for <paramref name="ttl"/> from now.</summary>
    Task RecordValueAsync(string scope, string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the claim so the key can be claimed again; true when a live claim was removed.</summary>
    Task<bool> ReleaseAsync(string scope, string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes expired claims; returns how many. Expired claims already read as absent, this only frees space.</summary>
    Task<int> SweepExpiredAsync(CancellationToken cancellationToken = default);
}
