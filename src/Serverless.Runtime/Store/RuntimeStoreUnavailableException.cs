using Microsoft.Data.Sqlite;

namespace Serverless.Runtime.Store;

/// <summary>The runtime's SQLite file cannot be opened or written (read-only folder, missing folder, full disk).
/// Nothing of the failed operation was committed; the pump reopens the file on its next turn, so the same call can
/// succeed once the disk is back, without a restart.</summary>
public sealed class RuntimeStoreUnavailableException(string filePath, Exception innerException)
    : Exception($"The runtime database {filePath} is unavailable: {innerException.Message}", innerException)
{
    public const string Store = "runtime";

    public string FilePath { get; } = filePath;

    public string Reason { get; } = innerException.Message;

    /// <summary>True for the SQLite and file-system errors that mean "the disk refuses", as opposed to a bug or a
    /// constraint violation: read-only, I/O error, disk full, cannot open.</summary>
    public static bool IsStorageFailure(Exception exception) => exception switch
    {
        RuntimeStoreUnavailableException => true,
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is ReadOnly or IoError or Full or CantOpen,
        UnauthorizedAccessException or IOException => true,
        _ => false,
    };

    /// <summary>The exception to hand callers: storage failures wrapped (once), anything else unchanged.</summary>
    public static Exception Wrap(Exception exception, string filePath) =>
        exception is not RuntimeStoreUnavailableException && IsStorageFailure(exception)
            ? new RuntimeStoreUnavailableException(filePath, exception)
            : exception;

    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Full = 13;
    private const int CantOpen = 14;
}
