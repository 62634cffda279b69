using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Serverless.Storage.Errors;

namespace Serverless.Storage.Documents;

/// <summary>
/// Names, paths and sizes every adapter accepts, chosen to be valid for both SQLite and Cosmos DB, so a document
/// that works on a laptop also works in Azure.
/// </summary>
internal static partial class DocumentRules
{
    private static readonly string[] SystemProperties = ["_rid", "_self", "_etag", "_attachments", "_ts", "_lsn"];

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,62}$")]
    private static partial Regex CollectionPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,7}$")]
    private static partial Regex FieldPattern();

    public static void Collection(string collection)
    {
        if (collection is null || !CollectionPattern().IsMatch(collection))
        {
            throw new ArgumentException(
                $"Collection name '{collection}' is invalid: 1-63 characters, lowercase letters, digits, '_' or '-', starting with a letter.",
                nameof(collection));
        }
    }

    public static void Key(string value, string what)
    {
        // Cosmos DB refuses these characters in ids; refusing them everywhere keeps the adapters interchangeable.
        if (string.IsNullOrEmpty(value) || value.Length > 255 || value.IndexOfAny(['/', '\\', '?', '#']) >= 0
            || value.Any(char.IsControl))
        {
            throw new ArgumentException($"{what} '{value}' is invalid: 1-255 characters, none of / \\ ? # or control characters.", what);
        }
    }

    public static void Field(string field)
    {
        if (field is null || !FieldPattern().IsMatch(field))
        {
            throw new ArgumentException($"Field path '{field}' is invalid: dotted identifiers such as 'status' or 'approval.decision'.", nameof(field));
        }
    }

    public static void Query(DocumentQuery query)
    {
        Key(query.PartitionKey, "partition key");
        if (query.PageSize is < 1 or > DocumentQuery.MaxPageSize)
        {
            throw new ArgumentException($"Page size {query.PageSize} is out of range 1..{DocumentQuery.MaxPageSize}.", nameof(query));
        }

        foreach (var filter in query.Filters)
        {
            Field(filter.Field);
            var ok = filter.Operator switch
            {
                FilterOperator.In => filter.Value is JsonArray { Count: > 0 } items && items.All(QueryFilter.IsScalar),
                FilterOperator.StartsWith or FilterOperator.Contains => filter.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
                _ => QueryFilter.IsScalar(filter.Value),
            };
            if (!ok)
            {
                throw new ArgumentException($"Filter {filter.Operator} on '{filter.Field}' has an unsupported value {filter.Value?.ToJsonString()}.", nameof(query));
            }
        }

        if (query.OrderBy is { } order)
        {
            Field(order.Field);
        }
    }

    public static void Patch(IReadOnlyList<DocumentPatch> operations)
    {
        if (operations.Count is 0 or > 10)
        {
            throw new ArgumentException("A patch takes 1 to 10 operations (the Cosmos DB limit).", nameof(operations));
        }

        foreach (var op in operations)
        {
            Field(op.Path);
            if (op.Path is Document.IdProperty or Document.PartitionKeyProperty)
            {
                throw new ArgumentException($"'{op.Path}' cannot be patched.", nameof(operations));
            }

            if (op.Kind == PatchKind.Increment && (op.Value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number))
            {
                throw new ArgumentException($"Increment of '{op.Path}' needs a number.", nameof(operations));
            }
        }
    }

    /// <summary>The body as stored: a copy of the caller's body with "id" and "pk" set.</summary>
    public static JsonObject StoredBody(Document document)
    {
        Key(document.Id, "id");
        Key(document.PartitionKey, "partition key");
        var body = (JsonObject)document.Body.DeepClone();
        body[Document.IdProperty] = document.Id;
        body[Document.PartitionKeyProperty] = document.PartitionKey;
        return body;
    }

    /// <summary>The JSON text of the body, or <see cref="PayloadTooLargeException"/> when its UTF-8 size passes the limit.</summary>
    public static string Serialize(string collection, JsonObject body, long limitBytes)
    {
        var json = body.ToJsonString();
        var size = Encoding.UTF8.GetByteCount(json);
        if (size > limitBytes)
        {
            throw new PayloadTooLargeException(collection, (string?)body[Document.IdProperty] ?? "?", size, limitBytes);
        }

        return json;
    }

    public static Document FromStored(JsonObject stored, string? etag)
    {
        foreach (var name in SystemProperties)
        {
            stored.Remove(name);
        }

        var id = (string?)stored[Document.IdProperty] ?? throw new StorageException("Stored document has no id.");
        var pk = (string?)stored[Document.PartitionKeyProperty] ?? throw new StorageException($"Stored document '{id}' has no pk.");
        return new Document(id, pk, stored, etag);
    }
}
