using Microsoft.Data.Sqlite;

namespace Serverless.Bench.ConsolePage;

/// <summary>Counts rows straight from the seeded file (read-only), the truth the API's pages are checked against.</summary>
internal sealed class StoreCounts(string databaseFile)
{
    public long Count(string where)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM instances WHERE " + where;
        return (long)command.ExecuteScalar()!;
    }
}
