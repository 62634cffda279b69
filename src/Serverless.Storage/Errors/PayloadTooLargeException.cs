namespace Serverless.Storage.Errors;

/// <summary>A document or blob is larger than the store accepts. HTTP: 413 Content Too Large.</summary>
public sealed class PayloadTooLargeException(string container, string name, long sizeBytes, long limitBytes, bool sizeIsLowerBound = false)
    : StorageException(
        $"'{name}' in '{container}' is {(sizeIsLowerBound ? "more than " : "")}{sizeBytes:N0} bytes; the limit is {limitBytes:N0} bytes.")
{
    public string Container { get; } = container;
    public string Name { get; } = name;

    /// <summary>Size in bytes, or for a stream that was cut off, the bytes read before the limit was passed.</summary>
    public long SizeBytes { get; } = sizeBytes;
    public long LimitBytes { get; } = limitBytes;
}
