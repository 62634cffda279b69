using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using Serverless.Storage.Documents;
using Serverless.Storage.Errors;

namespace Serverless.Storage.Azure.Cosmos;

/// <summary>
/// Cosmos DB adapter: one container per collection, partition key path "/pk". Uses the SDK's stream API, so status
/// codes map straight to the port's typed errors and no serializer sits between the JSON and the caller.
/// </summary>
public sealed class CosmosDocumentStore : IDocumentStore, IDisposable
{
    private const string PartitionKeyPath = "/" + Document.PartitionKeyProperty;
    private readonly CosmosClient _client;
    private readonly CosmosDocumentOptions _options;
    private readonly long _limit;
    private readonly ConcurrentDictionary<string, Lazy<Task<Container>>> _containers = new(StringComparer.Ordinal);

    public CosmosDocumentStore(IOptions<CosmosDocumentOptions> options, IOptions<DocumentStoreOptions> documents)
    {
        _options = options.Value;
        _limit = documents.Value.MaxDocumentBytes;
        _client = CosmosClientFactory.Create(_options);
    }

    public async Task<Document?> ReadAsync(string collection, string partitionKey, string id, CancellationToken cancellationToken = default)
    {
        DocumentRules.Key(partitionKey, "partition key");
        DocumentRules.Key(id, "id");
        var container = await ContainerAsync(collection);
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ToDocumentAsync(response, collection, partitionKey, id, null, cancellationToken);
    }

    public Task<Document> CreateAsync(string collection, Document document, CancellationToken cancellationToken = default) =>
        WriteAsync(collection, document, null, (c, stream, pk) => c.CreateItemStreamAsync(stream, pk, cancellationToken: cancellationToken), cancellationToken);

    public Task<Document> UpsertAsync(string collection, Document document, CancellationToken cancellationToken = default) =>
        WriteAsync(collection, document, null, (c, stream, pk) => c.UpsertItemStreamAsync(stream, pk, cancellationToken: cancellationToken), cancellationToken);

    public Task<Document> ReplaceAsync(string collection, Document document, string ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return WriteAsync(collection, document, ifMatch, (c, stream, pk) =>
            c.ReplaceItemStreamAsync(stream, document.Id, pk, new ItemRequestOptions { IfMatchEtag = ifMatch }, cancellationToken), cancellationToken);
    }

    public async Task<Document> PatchAsync(
        string collection, string partitionKey, string id, IReadOnlyList<DocumentPatch> operations,
        string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        DocumentRules.Key(partitionKey, "partition key");
        DocumentRules.Key(id, "id");
        DocumentRules.Patch(operations);
        var container = await ContainerAsync(collection);
        var patch = operations.Select(ToCosmos).ToList();
        using var response = await container.PatchItemStreamAsync(
            id, new PartitionKey(partitionKey), patch, new PatchItemRequestOptions { IfMatchEtag = ifMatch }, cancellationToken);
        return await ToDocumentAsync(response, collection, partitionKey, id, ifMatch, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string collection, string partitionKey, string id, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        DocumentRules.Key(partitionKey, "partition key");
        DocumentRules.Key(id, "id");
        var container = await ContainerAsync(collection);
        using var response = await container.DeleteItemStreamAsync(
            id, new PartitionKey(partitionKey), new ItemRequestOptions { IfMatchEtag = ifMatch }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        Check(response, collection, partitionKey, id, ifMatch);
        return true;
    }

    public async Task<DocumentPage> QueryAsync(string collection, DocumentQuery query, CancellationToken cancellationToken = default)
    {
        DocumentRules.Query(query);
        var container = await ContainerAsync(collection);
        using var iterator = container.GetItemQueryStreamIterator(
            CosmosQueryTranslator.Translate(query),
            string.IsNullOrEmpty(query.ContinuationToken) ? null : query.ContinuationToken,
            new QueryRequestOptions { PartitionKey = new PartitionKey(query.PartitionKey), MaxItemCount = query.PageSize });
        using var response = await iterator.ReadNextAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            throw new ArgumentException($"Cosmos DB refused the query: {response.ErrorMessage}", nameof(query));
        }

        Check(response, collection, query.PartitionKey, "(query)", null);
        var root = (await JsonNode.ParseAsync(response.Content, cancellationToken: cancellationToken))!;
        var items = root["Documents"]!.AsArray()
            .Select(item => DocumentRules.FromStored(item!.DeepClone().AsObject(), (string?)item["_etag"]))
            .ToList();
        var token = iterator.HasMoreResults && !string.IsNullOrEmpty(response.ContinuationToken) ? response.ContinuationToken : null;
        return new DocumentPage(items, token);
    }

    public void Dispose() => _client.Dispose();

    private async Task<Document> WriteAsync(
        string collection, Document document, string? ifMatch,
        Func<Container, Stream, PartitionKey, Task<ResponseMessage>> send, CancellationToken cancellationToken)
    {
        DocumentRules.Collection(collection);
        var json = DocumentRules.Serialize(collection, DocumentRules.StoredBody(document), _limit);
        var container = await ContainerAsync(collection);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        using var response = await send(container, stream, new PartitionKey(document.PartitionKey));
        return await ToDocumentAsync(response, collection, document.PartitionKey, document.Id, ifMatch, cancellationToken);
    }

    private static async Task<Document> ToDocumentAsync(
        ResponseMessage response, string collection, string partitionKey, string id, string? ifMatch, CancellationToken cancellationToken)
    {
        Check(response, collection, partitionKey, id, ifMatch);
        var body = (await JsonNode.ParseAsync(response.Content, cancellationToken: cancellationToken))!.AsObject();
        var etag = response.Headers.ETag ?? (string?)body["_etag"];
        return DocumentRules.FromStored(body, etag);
    }

    private static void Check(ResponseMessage response, string collection, string partitionKey, string id, string? ifMatch)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound:
                throw new ItemNotFoundException(collection, id);
            case HttpStatusCode.Conflict:
                throw new ItemAlreadyExistsException(collection, id);
            case HttpStatusCode.PreconditionFailed:
                throw new ETagMismatchException(collection, partitionKey, id, ifMatch);
            case HttpStatusCode.RequestEntityTooLarge:
                throw new PayloadTooLargeException(collection, id, 2 * 1024 * 1024, 2 * 1024 * 1024, sizeIsLowerBound: true);
            case HttpStatusCode.BadRequest:
                throw new ArgumentException($"Cosmos DB refused the request on '{id}' in '{collection}': {response.ErrorMessage}");
            default:
                throw new StorageException($"Cosmos DB answered {(int)response.StatusCode} for '{id}' in '{collection}': {response.ErrorMessage}");
        }
    }

    private static PatchOperation ToCosmos(DocumentPatch op)
    {
        var path = "/" + op.Path.Replace('.', '/');
        return op.Kind switch
        {
            PatchKind.Set => PatchOperation.Set(path, op.Value),
            PatchKind.Remove => PatchOperation.Remove(path),
            PatchKind.Increment => JsonNumbers.TryInt64((JsonValue)op.Value!, out var by)
                ? PatchOperation.Increment(path, by)
                : PatchOperation.Increment(path, JsonNumbers.ToDouble((JsonValue)op.Value!)),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op.Kind, "Unknown patch kind."),
        };
    }

    private Task<Container> ContainerAsync(string collection)
    {
        DocumentRules.Collection(collection);
        if (!_options.CreateIfNotExists)
        {
            return Task.FromResult(_client.GetContainer(_options.Database, collection));
        }

        var lazy = _containers.GetOrAdd(collection, name => new Lazy<Task<Container>>(() => CreateContainerAsync(name)));
        if (lazy.Value.IsFaulted)
        {
            _containers.TryRemove(collection, out _);
        }

        return lazy.Value;
    }

    private async Task<Container> CreateContainerAsync(string collection)
    {
        var database = (await _client.CreateDatabaseIfNotExistsAsync(_options.Database)).Database;
        return (await database.CreateContainerIfNotExistsAsync(new ContainerProperties(collection, PartitionKeyPath))).Container;
    }
}
