namespace Serverless.Storage;

/// <summary>Settings shared by the embedded adapters (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder for the SQLite database and the blob files; relative paths resolve against the working directory.</summary>
    public string DataFolder { get; set; } = ".data";
}
