using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Serverless.Storage.Tables;

namespace Serverless.Storage.Azure.Tables;

/// <summary>
/// Azure Table storage adapter. Tables are created on first use (once per process). Conditional writes use the
/// service's own conditions (insert fails on an existing entity, replace carries If-Match), so two workers racing
/// for one row cannot both win. Expiry is a property, filtered server-side in queries and checked on point reads.
/// </summary>
public sealed class AzureTableStore(IOptions<AzureTableOptions> options, TimeProvider time) : ITableStore
{
    private static readonly string[] ExpiryOnly = [AzureTableEntities.ExpiresAt];
    private static readonly string[] KeysAndExpiry = ["PartitionKey", "RowKey", AzureTableEntities.ExpiresAt];

    private readonly TableServiceClient _service = string.IsNullOrWhiteSpace(options.Value.ConnectionString)
        ? new TableServiceClient(options.Value.ServiceUri, AzureCredentials.Create(options.Value.Credential, options.Value.ClientId))
        : new TableServiceClient(options.Value.ConnectionString);

    private readonly ConcurrentDictionary<string, bool> _ready = new(StringComparer.Ordinal);

    public async Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableRules.Key(partitionKey, "partition key");
        TableRules.Key(rowKey, "row key");
        var client = await TableAsync(table, cancellationToken);
        var found = await client.GetEntityIfExistsAsync<TableEntity>(
            TableRules.EncodeKey(partitionKey), TableRules.EncodeKey(rowKey), cancellationToken: cancellationToken);
        return found.HasValue && AzureTableEntities.IsLive(found.Value!, time.GetUtcNow()) ? AzureTableEntities.FromEntity(found.Value!) : null;
    }

    public async Task<bool> TryInsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        TableRules.Row(table, row);
        var client = await TableAsync(table, cancellationToken);
        var entity = AzureTableEntities.ToEntity(row);
        // A few rounds only because a sweep can delete the expired row between the read and the takeover.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await client.AddEntityAsync(entity, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
            {
            }

            var existing = await client.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, ExpiryOnly, cancellationToken);
            if (!existing.HasValue)
            {
                continue;
            }

            if (AzureTableEntities.IsLive(existing.Value!, time.GetUtcNow()))
            {
                return false;
            }

            try
            {
                // Taking over the expired row is conditional on its ETag: of two takers, the second gets 412.
                await client.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed)
            {
                return false;
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
            {
            }
        }

        return false;
    }

    public async Task<string> UpsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        TableRules.Row(table, row);
        var client = await TableAsync(table, cancellationToken);
        var response = await client.UpsertEntityAsync(AzureTableEntities.ToEntity(row), TableUpdateMode.Replace, cancellationToken);
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage answered an upsert without an ETag.");
    }

    public async Task<string?> TryReplaceAsync(string table, TableRow row, string ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        TableRules.Row(table, row);
        var client = await TableAsync(table, cancellationToken);
        try
        {
            var response = await client.UpdateEntityAsync(AzureTableEntities.ToEntity(row), new ETag(ifMatch), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableRules.Key(partitionKey, "partition key");
        TableRules.Key(rowKey, "row key");
        var client = await TableAsync(table, cancellationToken);
        var (pk, rk) = (TableRules.EncodeKey(partitionKey), TableRules.EncodeKey(rowKey));
        var existing = await client.GetEntityIfExistsAsync<TableEntity>(pk, rk, ExpiryOnly, cancellationToken);
        if (!existing.HasValue)
        {
            return false;
        }

        var live = AzureTableEntities.IsLive(existing.Value!, time.GetUtcNow());
        try
        {
            var response = await client.DeleteEntityAsync(pk, rk, ETag.All, cancellationToken);
            return live && response.Status != (int)HttpStatusCode.NotFound;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<TableRowPage> QueryAsync(string table, string partitionKey, int pageSize = 100, string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        TableRules.Key(partitionKey, "partition key");
        TableRules.PageSize(pageSize);
        var client = await TableAsync(table, cancellationToken);
        // CreateQueryFilter quotes every interpolated string, so property names must be literal text.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableRules.EncodeKey(partitionKey)} and ExpiresAt gt {time.GetUtcNow()}");
        await foreach (var page in client.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken)
            .AsPages(string.IsNullOrEmpty(continuationToken) ? null : continuationToken, pageSize))
        {
            var next = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
            return new TableRowPage([.. page.Values.Select(AzureTableEntities.FromEntity)], next);
        }

        return new TableRowPage([], null);
    }

    public async Task<int> SweepExpiredAsync(string table, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(table, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"ExpiresAt le {time.GetUtcNow()}");
        var deleted = 0;
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, 1000, KeysAndExpiry, cancellationToken))
        {
            try
            {
                // With the ETag read: a row claimed again since the query is not deleted.
                var response = await client.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken);
                deleted += response.Status == (int)HttpStatusCode.NotFound ? 0 : 1;
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
            }
        }

        return deleted;
    }

    private async Task<TableClient> TableAsync(string table, CancellationToken cancellationToken)
    {
        TableRules.Table(table);
        var client = _service.GetTableClient(table);
        if (!_ready.ContainsKey(table))
        {
            await client.CreateIfNotExistsAsync(cancellationToken);
            _ready[table] = true;
        }

        return client;
    }
}
