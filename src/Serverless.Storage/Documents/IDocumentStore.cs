using Serverless.Storage.Errors;

namespace Serverless.Storage.Documents;

/// <summary>
/// Port for business state: JSON documents in named collections, addressed by (partition key, id), with ETag
/// optimistic concurrency. Every query stays inside one partition. Errors are <see cref="StorageException"/>s:
/// <see cref="ETagMismatchException"/>, <see cref="ItemAlreadyExistsException"/>, <see cref="ItemNotFoundException"/>,
/// <see cref="PayloadTooLargeException"/>; bad names, paths or tokens are <see cref="ArgumentException"/>s.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Point read; null when the document does not exist.</summary>
    Task<Document?> ReadAsync(string collection, string partitionKey, string id, CancellationToken cancellationToken = default);

    /// <summary>Inserts; <see cref="ItemAlreadyExistsException"/> when the id is taken in that partition.</summary>
    Task<Document> CreateAsync(string collection, Document document, CancellationToken cancellationToken = default);

    /// <summary>Inserts or overwrites unconditionally (last writer wins).</summary>
    Task<Document> UpsertAsync(string collection, Document document, CancellationToken cancellationToken = default);

    /// <summary>Overwrites only if the stored ETag is <paramref name="ifMatch"/>.</summary>
    Task<Document> ReplaceAsync(string collection, Document document, string ifMatch, CancellationToken cancellationToken = default);

    /// <summary>Applies field-level operations atomically, optionally only if the ETag matches.</summary>
    Task<Document> PatchAsync(
        string collection, string partitionKey, string id, IReadOnlyList<DocumentPatch> operations,
        string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes; false when there was nothing to delete.</summary>
    Task<bool> DeleteAsync(string collection, string partitionKey, string id, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>One page of a single-partition query; pass the returned token back for the next page.</summary>
    Task<DocumentPage> QueryAsync(string collection, DocumentQuery query, CancellationToken cancellationToken = default);
}
