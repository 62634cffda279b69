namespace Serverless.Storage.Blobs;

/// <summary>Section "Storage:Blobs": which adapter serves <see cref="IBlobStore"/>, and its limits.</summary>
public sealed class BlobStoreOptions
{
    public const string SectionName = "Storage:Blobs";

    /// <summary>"files" (embedded default) or "azure" (needs Serverless.Storage.Azure's AddStorage).</summary>
    public string? Provider { get; set; }

    /// <summary>Largest blob accepted, in bytes (default 256 MiB).</summary>
    public long MaxBlobBytes { get; set; } = 256L * 1024 * 1024;

    public FileBlobOptions Files { get; set; } = new();
}

public sealed class FileBlobOptions
{
    /// <summary>Root folder; defaults to "blobs" in Storage:DataFolder.</summary>
    public string? Root { get; set; }
}
