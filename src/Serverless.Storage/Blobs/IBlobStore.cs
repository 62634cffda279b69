using Serverless.Storage.Errors;

namespace Serverless.Storage.Blobs;

/// <summary>
/// Port for files: attachments, generated media, batch result files. Containers and names follow Azure Blob rules
/// (container: 3-63 lowercase letters, digits, '-'; name: '/'-separated path). Errors: <see cref="ItemNotFoundException"/>,
/// <see cref="ItemAlreadyExistsException"/>, <see cref="PayloadTooLargeException"/>.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the stream's content, creating the container when needed.</summary>
    Task<BlobInfo> PutAsync(string container, string name, Stream content, BlobPutOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Opens the blob for reading; the caller disposes the result. <see cref="ItemNotFoundException"/> when missing.</summary>
    Task<BlobDownload> GetAsync(string container, string name, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Blobs whose name starts with <paramref name="prefix"/>, in ordinal name order.</summary>
    IAsyncEnumerable<BlobInfo> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes; false when there was nothing to delete.</summary>
    Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// A URL anyone holding it can read from until <paramref name="validFor"/> elapses, or null when the backend cannot
    /// issue one (the file-system adapter: serve the blob through the host instead).
    /// </summary>
    Task<Uri?> GetReadUrlAsync(string container, string name, TimeSpan validFor, CancellationToken cancellationToken = default);
}
