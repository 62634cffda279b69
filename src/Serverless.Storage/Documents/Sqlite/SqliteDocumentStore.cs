using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Serverless.Storage.Errors;

namespace Serverless.Storage.Documents.Sqlite;

/// <summary>
/// The embedded document store: one SQLite file (WAL), one table per collection keyed by (pk, id), the document as
/// JSON text queried with JSON1. Writes that must see the current version (replace, patch, delete with If-Match)
/// run as single conditional statements or inside BEGIN IMMEDIATE, so concurrent writers cannot interleave.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private readonly string _connectionString;
    private readonly DocumentStoreOptions _options;
    private readonly SqliteSchema _schema;

    public SqliteDocumentStore(IOptions<DocumentStoreOptions> options, IOptions<StorageOptions> storage)
    {
        _options = options.Value;
        var path = _options.Sqlite.Path ?? Path.Combine(storage.Value.DataFolder, "documents.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _schema = new SqliteSchema(_options);
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
        wal.ExecuteNonQuery();
    }

    public async Task<Document?> ReadAsync(string collection, string partitionKey, string id, CancellationToken cancellationToken = default)
    {
        DocumentRules.Key(partitionKey, "partition key");
        DocumentRules.Key(id, "id");
        await using var connection = await OpenAsync(collection, cancellationToken);
        return await ReadAsync(connection, collection, partitionKey, id, cancellationToken);
    }

    public async Task<Document> CreateAsync(string collection, Document document, CancellationToken cancellationToken = default)
    {
        var (body, json) = Prepare(collection, document);
        await using var connection = await OpenAsync(collection, cancellationToken);
        var etag = NewETag();
        try
        {
            await ExecuteAsync(connection, $"INSERT INTO {SqliteSchema.Table(collection)} (pk, id, etag, body) VALUES ($pk, $id, $etag, $body)",
                cancellationToken, ("$pk", document.PartitionKey), ("$id", document.Id), ("$etag", etag), ("$body", json));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19) // SQLITE_CONSTRAINT: primary key taken
        {
            throw new ItemAlreadyExistsException(collection, document.Id);
        }

        return document with { Body = body, ETag = etag };
    }

    public async Task<Document> UpsertAsync(string collection, Document document, CancellationToken cancellationToken = default)
    {
        var (body, json) = Prepare(collection, document);
        await using var connection = await OpenAsync(collection, cancellationToken);
        var etag = NewETag();
        await ExecuteAsync(connection,
            $"INSERT INTO {SqliteSchema.Table(collection)} (pk, id, etag, body) VALUES ($pk, $id, $etag, $body) " +
            "ON CONFLICT (pk, id) DO UPDATE SET etag = excluded.etag, body = excluded.body",
            cancellationToken, ("$pk", document.PartitionKey), ("$id", document.Id), ("$etag", etag), ("$body", json));
        return document with { Body = body, ETag = etag };
    }

    public async Task<Document> ReplaceAsync(string collection, Document document, string ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        var (body, json) = Prepare(collection, document);
        await using var connection = await OpenAsync(collection, cancellationToken);
        var etag = NewETag();
        var changed = await ExecuteAsync(connection,
            $"UPDATE {SqliteSchema.Table(collection)} SET etag = $etag, body = $body WHERE pk = $pk AND id = $id AND etag = $ifMatch",
            cancellationToken, ("$pk", document.PartitionKey), ("$id", document.Id), ("$etag", etag), ("$body", json), ("$ifMatch", ifMatch));
        if (changed == 0)
        {
            await ThrowMissOrMismatchAsync(connection, collection, document.PartitionKey, document.Id, ifMatch, cancellationToken);
        }

        return document with { Body = body, ETag = etag };
    }

    public async Task<Document> PatchAsync(
        string collection, string partitionKey, string id, IReadOnlyList<DocumentPatch> operations,
        string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        DocumentRules.Key(partitionKey, "partition key");
        DocumentRules.Key(id, "id");
        DocumentRules.Patch(operations);
        await using var connection = await OpenAsync(collection, cancellationToken);
        await ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken);
        try
        {
            var current = await ReadAsync(connection, collection, partitionKey, id, cancellationToken)
                ?? throw new ItemNotFoundException(collection, id);
            if (ifMatch is not null && ifMatch != current.ETag)
            {
                throw new ETagMismatchException(collection, partitionKey, id, ifMatch);
            }

            JsonPatcher.Apply(current.Body, operations);
            var json = DocumentRules.Serialize(collection, current.Body, _options.MaxDocumentBytes);
            var etag = NewETag();
            await ExecuteAsync(connection, $"UPDATE {SqliteSchema.Table(collection)} SET etag = $etag, body = $body WHERE pk = $pk AND id = $id",
                cancellationToken, ("$pk", partitionKey), ("$id", id), ("$etag", etag), ("$body", json));
            await ExecuteAsync(connection, "COMMIT", cancellationToken);
            return current with { ETag = etag };
        }
        catch
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    public async Task<bool> DeleteAsync(string collection, string partitionKey, string id, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        DocumentRules.Key(partitionKey, "partition key");
        DocumentRules.Key(id, "id");
        await using var connection = await OpenAsync(collection, cancellationToken);
        var sql = $"DELETE FROM {SqliteSchema.Table(collection)} WHERE pk = $pk AND id = $id" + (ifMatch is null ? "" : " AND etag = $ifMatch");
        var deleted = await ExecuteAsync(connection, sql, cancellationToken, ("$pk", partitionKey), ("$id", id), ("$ifMatch", ifMatch ?? ""));
        if (deleted == 0 && ifMatch is not null && await ReadAsync(connection, collection, partitionKey, id, cancellationToken) is not null)
        {
            throw new ETagMismatchException(collection, partitionKey, id, ifMatch);
        }

        return deleted > 0;
    }

    public async Task<DocumentPage> QueryAsync(string collection, DocumentQuery query, CancellationToken cancellationToken = default)
    {
        DocumentRules.Query(query);
        var offset = SqliteContinuation.Decode(query.ContinuationToken);
        await using var connection = await OpenAsync(collection, cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT body, etag FROM {SqliteSchema.Table(collection)}");
        SqliteQueryTranslator.AppendWhere(sql, command, query);
        sql.Append(SqliteQueryTranslator.OrderBy(query)).Append(" LIMIT $limit OFFSET $offset");
        command.CommandText = sql.ToString();
        command.Parameters.AddWithValue("$limit", query.PageSize + 1);
        command.Parameters.AddWithValue("$offset", offset);

        var items = new List<Document>(query.PageSize);
        var more = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (items.Count == query.PageSize)
            {
                more = true;
                break;
            }

            items.Add(DocumentRules.FromStored(JsonNode.Parse(reader.GetString(0))!.AsObject(), reader.GetString(1)));
        }

        return new DocumentPage(items, more ? SqliteContinuation.Encode(offset + items.Count) : null);
    }

    private (JsonObject Body, string Json) Prepare(string collection, Document document)
    {
        DocumentRules.Collection(collection);
        var body = DocumentRules.StoredBody(document);
        return (body, DocumentRules.Serialize(collection, body, _options.MaxDocumentBytes));
    }

    private const string BusyTimeoutPragma = "PRAGMA busy_timeout = 30000;";

    private async Task<SqliteConnection> OpenAsync(string collection, CancellationToken cancellationToken)
    {
        DocumentRules.Collection(collection);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);

        // A writer that finds the database locked waits inside SQLite (its busy handler retries within a few
        // milliseconds of the lock's release) instead of returning SQLITE_BUSY, on which Microsoft.Data.Sqlite
        // sleeps 150 ms before trying again: under concurrent writers that sleep was most of a write's latency.
        await using (var busy = connection.CreateCommand())
        {
            busy.CommandText = BusyTimeoutPragma;
            await busy.ExecuteNonQueryAsync(cancellationToken);
        }

        _schema.Ensure(connection, collection);
        return connection;
    }

    private static async Task<Document?> ReadAsync(SqliteConnection connection, string collection, string pk, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT body, etag FROM {SqliteSchema.Table(collection)} WHERE pk = $pk AND id = $id";
        command.Parameters.AddWithValue("$pk", pk);
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? DocumentRules.FromStored(JsonNode.Parse(reader.GetString(0))!.AsObject(), reader.GetString(1))
            : null;
    }

    private static async Task ThrowMissOrMismatchAsync(SqliteConnection connection, string collection, string pk, string id, string ifMatch, CancellationToken cancellationToken)
    {
        if (await ReadAsync(connection, collection, pk, id, cancellationToken) is null)
        {
            throw new ItemNotFoundException(collection, id);
        }

        throw new ETagMismatchException(collection, pk, id, ifMatch);
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, string Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string NewETag() => string.Create(CultureInfo.InvariantCulture, $"\"{Guid.NewGuid():N}\"");
}
