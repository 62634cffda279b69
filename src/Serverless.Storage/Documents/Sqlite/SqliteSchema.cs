using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Serverless.Storage.Documents.Sqlite;

/// <summary>One table per collection, created on first use, with the declared expression indexes.</summary>
internal sealed class SqliteSchema(DocumentStoreOptions options)
{
    private readonly ConcurrentDictionary<string, bool> _ready = new(StringComparer.Ordinal);

    public static string Table(string collection) => $"\"doc_{collection}\"";

    public void Ensure(SqliteConnection connection, string collection)
    {
        if (_ready.ContainsKey(collection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        var table = Table(collection);
        var sql = $"""
            CREATE TABLE IF NOT EXISTS {table} (
              pk TEXT NOT NULL, id TEXT NOT NULL, etag TEXT NOT NULL, body TEXT NOT NULL,
              PRIMARY KEY (pk, id)) WITHOUT ROWID;
            """;
        if (options.Collections.TryGetValue(collection, out var settings))
        {
            foreach (var field in settings.IndexedFields)
            {
                DocumentRules.Field(field);
                sql += $"CREATE INDEX IF NOT EXISTS \"ix_{collection}_{field.Replace('.', '_')}\" ON {table} (pk, {SqliteQueryTranslator.Extract(field)});";
            }
        }

        command.CommandText = sql;
        command.ExecuteNonQuery();
        _ready[collection] = true;
    }
}
