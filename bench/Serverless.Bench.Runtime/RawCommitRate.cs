using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Serverless.Bench.Runtime;

/// <summary>The ceiling: how many single-row transactions per second SQLite commits on this disk with the
/// same journal mode and synchronous setting as the runtime.</summary>
internal static class RawCommitRate
{
    public static double Measure(string folder, string synchronous, TimeSpan duration)
    {
        var file = Path.Combine(folder, "raw-commit-rate.db");
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);";
            setup.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (v) VALUES ($v)";
        var value = insert.Parameters.AddWithValue("$v", "x");
        insert.Prepare();
        var commits = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            value.Value = "row " + commits;
            insert.ExecuteNonQuery();
            transaction.Commit();
            commits++;
        }

        return commits / watch.Elapsed.TotalSeconds;
    }
}
