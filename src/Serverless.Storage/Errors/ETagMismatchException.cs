namespace Serverless.Storage.Errors;

/// <summary>
/// The item changed since the caller read it: the If-Match ETag no longer matches. HTTP: 412 Precondition Failed
/// when the client sent If-Match itself, 409 Conflict when the server did a read-modify-write on its behalf.
/// </summary>
public sealed class ETagMismatchException(string collection, string partitionKey, string id, string? expectedETag)
    : StorageException($"'{id}' in '{collection}' (partition '{partitionKey}') was modified: ETag {expectedETag} no longer matches.")
{
    public string Collection { get; } = collection;
    public string PartitionKey { get; } = partitionKey;
    public string Id { get; } = id;
    public string? ExpectedETag { get; } = expectedETag;
}
