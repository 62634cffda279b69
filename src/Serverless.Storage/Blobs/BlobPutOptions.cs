namespace Serverless.Storage.Blobs;

/// <summary>
/// Content type, metadata (keys are C# identifiers, stored lowercase as Azure does; values ASCII) and whether an
/// existing blob may be overwritten (otherwise <see cref="Errors.ItemAlreadyExistsException"/>).
/// </summary>
public sealed record BlobPutOptions
{
    public string ContentType { get; init; } = "application/octet-stream";

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public bool Overwrite { get; init; } = true;
}
