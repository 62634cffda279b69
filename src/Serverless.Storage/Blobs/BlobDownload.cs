namespace Serverless.Storage.Blobs;

/// <summary>An open blob: its properties and a read-only stream the caller must dispose.</summary>
public sealed class BlobDownload(BlobInfo info, Stream content) : IAsyncDisposable, IDisposable
{
    public BlobInfo Info { get; } = info;

    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}
