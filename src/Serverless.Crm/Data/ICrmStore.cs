namespace Serverless.Crm.Data;

/// <summary>
/// The built-in CRM's port. One generic surface for every record type (<see cref="Organisation"/>, <see cref="Deal"/>,
/// <see cref="Person"/>, <see cref="CrmTask"/>, <see cref="User"/>, <see cref="CrmActivityRecord"/>,
/// <see cref="Notification"/>). Timestamps come from the store's TimeProvider.
/// </summary>
public interface ICrmStore
{
    /// <summary>Null when there is no such record.</summary>
    Task<T?> GetAsync<T>(string id, CancellationToken cancellationToken = default)
        where T : CrmEntity;

    /// <summary>Every record of the type, oldest first (created_at), optionally only those one field equals
    /// (a snake_case JSON field, e.g. "user_id").</summary>
    Task<IReadOnlyList<T>> ListAsync<T>(string? field = null, string? equals = null, CancellationToken cancellationToken = default)
        where T : CrmEntity;

    /// <summary>Inserts; <see cref="Storage.Errors.ItemAlreadyExistsException"/> when the id is taken.</summary>
    Task<T> CreateAsync<T>(T record, CancellationToken cancellationToken = default)
        where T : CrmEntity;

    /// <summary>Inserts unless the id is taken; returns the stored record and whether it was this call that created
    /// it (how an activity retried with the same idempotency key finds its first attempt's record).</summary>
    Task<(T Record, bool Created)> CreateOnceAsync<T>(T record, CancellationToken cancellationToken = default)
        where T : CrmEntity;

    /// <summary>Reads, applies <paramref name="change"/> and writes back if nobody wrote in between (ETag), re-reading
    /// and re-applying on a conflict. Null when there is no such record. The id and created_at cannot change.</summary>
    Task<CrmUpdate<T>?> UpdateAsync<T>(string id, Func<T, T> change, CancellationToken cancellationToken = default)
        where T : CrmEntity;

    /// <summary>Deletes; false when there was no such record.</summary>
    Task<bool> DeleteAsync<T>(string id, CancellationToken cancellationToken = default)
        where T : CrmEntity;

    /// <summary>The next number of a sequence ("workflows", "organisations"...): 1, 2, 3... never given twice, so
    /// records created through the REST API have the seed's integer ids.</summary>
    Task<long> NextNumberAsync(string sequence, CancellationToken cancellationToken = default);
}
