using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Serverless.Storage.Tables.Sqlite;

/// <summary>
/// The embedded table store: one SQLite file (WAL), one SQLite table per table, keyed by (pk, rk), expiry as Unix
/// milliseconds. Every conditional write is a single statement, so concurrent writers (threads or processes on the
/// same file) cannot interleave between the check and the write.
/// </summary>
public sealed class SqliteTableStore : ITableStore
{
    private const string Columns = "pk, rk, etag, value, expires_at";

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, bool> _ready = new(StringComparer.Ordinal);

    public SqliteTableStore(IOptions<TableStoreOptions> options, IOptions<StorageOptions> storage, TimeProvider time)
    {
        _time = time;
        var path = options.Value.Sqlite.Path ?? Path.Combine(storage.Value.DataFolder, "tables.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        wal.ExecuteNonQuery();
    }

    public async Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableRules.Key(partitionKey, "partition key");
        TableRules.Key(rowKey, "row key");
        await using var connection = await OpenAsync(table, cancellationToken);
        await using var command = Command(connection, $"SELECT {Columns} FROM {Name(table)} WHERE pk = $pk AND rk = $rk AND {Live}",
            ("$pk", TableRules.EncodeKey(partitionKey)), ("$rk", TableRules.EncodeKey(rowKey)), ("$now", Now()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<bool> TryInsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        TableRules.Row(table, row);
        await using var connection = await OpenAsync(table, cancellationToken);
        // The upsert's WHERE lets the insert take over an expired row and nothing else, in one statement.
        var sql = $"INSERT INTO {Name(table)} ({Columns}) VALUES ($pk, $rk, $etag, $value, $expires) " +
            "ON CONFLICT (pk, rk) DO UPDATE SET etag = excluded.etag, value = excluded.value, expires_at = excluded.expires_at " +
            $"WHERE {Name(table)}.expires_at IS NOT NULL AND {Name(table)}.expires_at <= $now";
        return await ExecuteAsync(connection, sql, cancellationToken, [.. Values(row, NewETag()), ("$now", Now())]) == 1;
    }

    public async Task<string> UpsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        TableRules.Row(table, row);
        await using var connection = await OpenAsync(table, cancellationToken);
        var etag = NewETag();
        await ExecuteAsync(connection, $"INSERT INTO {Name(table)} ({Columns}) VALUES ($pk, $rk, $etag, $value, $expires) " +
            "ON CONFLICT (pk, rk) DO UPDATE SET etag = excluded.etag, value = excluded.value, expires_at = excluded.expires_at",
            cancellationToken, Values(row, etag));
        return etag;
    }

    public async Task<string?> TryReplaceAsync(string table, TableRow row, string ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        TableRules.Row(table, row);
        await using var connection = await OpenAsync(table, cancellationToken);
        var etag = NewETag();
        var changed = await ExecuteAsync(connection,
            $"UPDATE {Name(table)} SET etag = $etag, value = $value, expires_at = $expires WHERE pk = $pk AND rk = $rk AND etag = $ifMatch",
            cancellationToken, [.. Values(row, etag), ("$ifMatch", ifMatch)]);
        return changed == 1 ? etag : null;
    }

    public async Task<bool> DeleteAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableRules.Key(partitionKey, "partition key");
        TableRules.Key(rowKey, "row key");
        await using var connection = await OpenAsync(table, cancellationToken);
        await using var command = Command(connection,
            $"DELETE FROM {Name(table)} WHERE pk = $pk AND rk = $rk RETURNING coalesce(expires_at, 9223372036854775807)",
            ("$pk", TableRules.EncodeKey(partitionKey)), ("$rk", TableRules.EncodeKey(rowKey)));
        var expires = await command.ExecuteScalarAsync(cancellationToken);
        return expires is long at && at > Now();
    }

    public async Task<TableRowPage> QueryAsync(string table, string partitionKey, int pageSize = 100, string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        TableRules.Key(partitionKey, "partition key");
        TableRules.PageSize(pageSize);
        var after = DecodeContinuation(continuationToken);
        await using var connection = await OpenAsync(table, cancellationToken);
        await using var command = Command(connection,
            $"SELECT {Columns} FROM {Name(table)} WHERE pk = $pk AND rk > $after AND {Live} ORDER BY rk LIMIT $limit",
            ("$pk", TableRules.EncodeKey(partitionKey)), ("$after", after), ("$now", Now()), ("$limit", pageSize + 1));
        var rows = new List<TableRow>(Math.Min(pageSize, 64));
        var more = false;
        string? last = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows.Count == pageSize)
            {
                more = true;
                break;
            }

            last = reader.GetString(1);
            rows.Add(Read(reader));
        }

        return new TableRowPage(rows, more ? EncodeContinuation(last!) : null);
    }

    public async Task<int> SweepExpiredAsync(string table, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(table, cancellationToken);
        return await ExecuteAsync(connection, $"DELETE FROM {Name(table)} WHERE expires_at IS NOT NULL AND expires_at <= $now",
            cancellationToken, ("$now", Now()));
    }

    private const string Live = "(expires_at IS NULL OR expires_at > $now)";

    private static string Name(string table) => $"\"tbl_{table}\"";

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static (string, object)[] Values(TableRow row, string etag) =>
    [
        ("$pk", TableRules.EncodeKey(row.PartitionKey)), ("$rk", TableRules.EncodeKey(row.RowKey)), ("$etag", etag), ("$value", row.Value),
        ("$expires", row.ExpiresAt is { } at ? at.ToUnixTimeMilliseconds() : DBNull.Value),
    ];

    private static TableRow Read(SqliteDataReader reader) => new(
        TableRules.DecodeKey(reader.GetString(0)), TableRules.DecodeKey(reader.GetString(1)), reader.GetString(3),
        reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), reader.GetString(2));

    private async Task<SqliteConnection> OpenAsync(string table, CancellationToken cancellationToken)
    {
        TableRules.Table(table);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_ready.ContainsKey(table))
        {
            await ExecuteAsync(connection,
                $"CREATE TABLE IF NOT EXISTS {Name(table)} (pk TEXT NOT NULL, rk TEXT NOT NULL, etag TEXT NOT NULL, value TEXT NOT NULL, " +
                "expires_at INTEGER NULL, PRIMARY KEY (pk, rk)) WITHOUT ROWID; " +
                $"CREATE INDEX IF NOT EXISTS \"ix_{table}_expires\" ON {Name(table)} (expires_at) WHERE expires_at IS NOT NULL;",
                cancellationToken);
            _ready[table] = true;
        }

        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string NewETag() => string.Create(CultureInfo.InvariantCulture, $"\"{Guid.NewGuid():N}\"");

    // The token is the last row key returned (keyset paging): rows written between pages never shift a page.
    private static string EncodeContinuation(string lastStoredKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes("rk:" + lastStoredKey));

    private static string DecodeContinuation(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return "";
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("rk:", StringComparison.Ordinal))
            {
                return text[3..];
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException("The continuation token was not issued by this store.", nameof(token));
    }
}
