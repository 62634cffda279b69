namespace Serverless.Storage.Documents;

/// <summary>Section "Storage:Documents": which adapter serves <see cref="IDocumentStore"/>, and its limits.</summary>
public sealed class DocumentStoreOptions
{
    public const string SectionName = "Storage:Documents";

    /// <summary>"sqlite" (embedded default) or "cosmos" (needs Serverless.Storage.Azure's AddStorage).</summary>
    public string? Provider { get; set; }

    /// <summary>Largest serialized document accepted, in bytes. Cosmos DB's own limit is 2 MiB.</summary>
    public long MaxDocumentBytes { get; set; } = 2 * 1024 * 1024;

    public SqliteDocumentOptions Sqlite { get; set; } = new();

    /// <summary>Per-collection settings, keyed by collection name.</summary>
    public Dictionary<string, CollectionOptions> Collections { get; set; } = [];
}

public sealed class SqliteDocumentOptions
{
    /// <summary>Database file; defaults to "documents.db" in Storage:DataFolder.</summary>
    public string? Path { get; set; }
}

public sealed class CollectionOptions
{
    /// <summary>Dotted field paths the SQLite adapter indexes (with the partition key) for filters and ordering.</summary>
    public List<string> IndexedFields { get; set; } = [];
}
