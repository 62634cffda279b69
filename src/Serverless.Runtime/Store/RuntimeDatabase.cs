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

    /// <summary>Opens a connection with the runtime's pragmas; the first call creates the tables.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=30000; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000;");
        if (Interlocked.CompareExchange(ref initialized, 1, 0) == 0)
        {
            Execute(connection, Schema.Create);
        }

        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
