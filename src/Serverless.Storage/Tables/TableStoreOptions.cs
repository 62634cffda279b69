namespace Serverless.Storage.Tables;

/// <summary>Section "Storage:Tables": which adapter serves <see cref="ITableStore"/>.</summary>
public sealed class TableStoreOptions
{
    public const string SectionName = "Storage:Tables";

    /// <summary>"sqlite" (default: one file in Storage:DataFolder) or "azure" (Azure Table storage; needs
    /// Serverless.Storage.Azure's AddStorage and the "Storage:Tables:Azure" settings).</summary>
    public string? Provider { get; set; } = "sqlite";

    public SqliteTableOptions Sqlite { get; set; } = new();
}

public sealed class SqliteTableOptions
{
    /// <summary>Database file; defaults to "tables.db" in Storage:DataFolder.</summary>
    public string? Path { get; set; }
}
