namespace Serverless.Storage.Errors;

/// <summary>The store cannot take writes (or be read) right now: its folder is read-only, missing or full. Nothing
/// was stored; the same request can succeed once the disk is back, without a restart.</summary>
public sealed class StorageUnavailableException : StorageException
{
    public StorageUnavailableException(string store, string location, Exception innerException)
        : base($"The {store} store at {location} is unavailable: {innerException?.Message}", innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        Store = store;
        Location = location;
        Reason = innerException.Message;
    }

    /// <summary>Which store failed ("blobs", "tables", "documents").</summary>
    public string Store { get; }

    /// <summary>The folder or file it lives in.</summary>
    public string Location { get; }

    /// <summary>What the operating system or the database said.</summary>
    public string Reason { get; }
}
