namespace Serverless.Storage.Blobs;

public sealed record BlobInfo(
    string Container,
    string Name,
    long Size,
    string ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset LastModified,
    string ETag);
