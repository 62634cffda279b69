using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Serverless.Runtime.Hosting;

namespace Serverless.Runtime.Store;

/// <summary>Opens connections to the runtime's SQLite file (WAL) and creates its tables.</summary>
public sealed class RuntimeDatabase
{
    private readonly string connectionString;
    private readonly string synchronous;
    private int initialized;

    public RuntimeDatabase(IOptions<WorkflowRuntimeOptions> options)
    {
        var o = options.Value;
        var folder = Path.GetFullPath(o.DataFolder);
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, o.DatabaseFile);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        synchronous = o.Durability == SqliteDurability.Full ? "FULL" : "NORMAL";
    }

    public string FilePath { get; }

    /// <summary>Opens a connection with the runtime's pragmas; the first call that succeeds creates the tables.
    /// A disk that refuses (read-only, missing, full) throws <see cref="RuntimeStoreUnavailableException"/>.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=30000; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000;");
            if (Volatile.Read(ref initialized) == 0)
            {
                Execute(connection, Schema.Create);
                Volatile.Write(ref initialized, 1);
            }

            return connection;
        }
        catch (Exception ex) when (RuntimeStoreUnavailableException.IsStorageFailure(ex))
        {
            connection.Dispose();
            throw new RuntimeStoreUnavailableException(FilePath, ex);
        }
    }

    /// <summary>Proves the file takes writes now (health): one row rewritten in its own transaction.</summary>
    public void ProbeWrite(long nowMs)
    {
        using var connection = Open();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT OR REPLACE INTO health_probe (id, checked_at) VALUES (1, $now)";
            command.Parameters.AddWithValue("$now", nowMs);
            command.ExecuteNonQuery();
        }
        catch (Exception ex) when (RuntimeStoreUnavailableException.IsStorageFailure(ex))
        {
            // A connection that met a read-only file stays read-only: never hand it back to the pool.
            SqliteConnection.ClearPool(connection);
            throw new RuntimeStoreUnavailableException(FilePath, ex);
        }
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
