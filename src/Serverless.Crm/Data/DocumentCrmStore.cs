using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Storage.Documents;
using Serverless.Storage.Errors;

namespace Serverless.Crm.Data;

/// <summary>
/// <see cref="ICrmStore"/> on the document store: one collection per record type (<see cref="Collection"/>), every
/// record in the one partition <see cref="PartitionKey"/> (the built-in CRM is small: a list is one partition query),
/// bodies in snake_case JSON. Updates are read-modify-replace with If-Match, retried on a lost race.
/// </summary>
public sealed class DocumentCrmStore(IDocumentStore documents, TimeProvider time) : ICrmStore
{
    public const string PartitionKey = "crm";
    private const int UpdateAttempts = 8;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };

    /// <summary>The collection a record type lives in.</summary>
    public static string Collection<T>() => Collection(typeof(T));

    public static string Collection(Type type) => type.Name switch
    {
        nameof(Organisation) => "crm-organisations",
        nameof(Deal) => "crm-deals",
        nameof(Person) => "crm-people",
        nameof(CrmTask) => "crm-tasks",
        nameof(User) => "crm-users",
        nameof(CrmActivityRecord) => "crm-activities",
        nameof(Notification) => "crm-notifications",
        _ => throw new ArgumentException($"{type.Name} is not a CRM record type.", nameof(type)),
    };

    public async Task<T?> GetAsync<T>(string id, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        var document = await documents.ReadAsync(Collection<T>(), PartitionKey, id, cancellationToken);
        return document is null ? null : Read<T>(document);
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(string? field = null, string? equals = null, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        var filters = field is null ? [] : new[] { QueryFilter.Eq(field, JsonValue.Create(equals ?? "")) };
        var all = (await DocumentPages.AllAsync(documents, Collection<T>(), filters, cancellationToken)).Select(Read<T>);

        return [.. all.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    public async Task<T> CreateAsync<T>(T record, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = time.GetUtcNow();
        var stamped = (T)(record with { CreatedAt = now, UpdatedAt = now });
        await documents.CreateAsync(Collection<T>(), Write(stamped), cancellationToken);
        return stamped;
    }

    public async Task<(T Record, bool Created)> CreateOnceAsync<T>(T record, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            return (await CreateAsync(record, cancellationToken), true);
        }
        catch (ItemAlreadyExistsException)
        {
            var existing = await GetAsync<T>(record.Id, cancellationToken)
                ?? throw new InvalidOperationException($"{Collection<T>()}/{record.Id} exists and does not.");
            return (existing, false);
        }
    }

    public async Task<CrmUpdate<T>?> UpdateAsync<T>(string id, Func<T, T> change, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var document = await documents.ReadAsync(Collection<T>(), PartitionKey, id, cancellationToken);
            if (document is null)
            {
                return null;
            }

            var before = Read<T>(document);
            var after = (T)(change(before) with { Id = before.Id, CreatedAt = before.CreatedAt, UpdatedAt = time.GetUtcNow() });
            try
            {
                await documents.ReplaceAsync(Collection<T>(), Write(after), document.ETag!, cancellationToken);
                return new CrmUpdate<T>(before, after);
            }
            catch (ETagMismatchException) when (attempt < UpdateAttempts)
            {
                // Someone wrote in between: apply the change again to what they wrote.
            }
        }
    }

    public async Task<bool> DeleteAsync<T>(string id, CancellationToken cancellationToken = default)
        where T : CrmEntity =>
        await documents.DeleteAsync(Collection<T>(), PartitionKey, id, cancellationToken: cancellationToken);

    public async Task<long> NextNumberAsync(string sequence, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sequence);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var patched = await documents.PatchAsync(
                    CountersCollection, PartitionKey, sequence, [DocumentPatch.Increment("value", 1L)], cancellationToken: cancellationToken);
                return WholeNumber(patched.Body["value"]);
            }
            catch (ItemNotFoundException) when (attempt == 0)
            {
                try
                {
                    await documents.CreateAsync(CountersCollection, new Document(sequence, PartitionKey, new JsonObject { ["value"] = 0L }), cancellationToken);
                }
                catch (ItemAlreadyExistsException)
                {
                    // Another caller created it first: the increment below is still ours alone.
                }
            }
        }
    }

    /// <summary>A stored counter as a long, whether the store hands it back as an integer or a double.</summary>
    public static long WholeNumber(JsonNode? node) =>
        node is null ? 0 : (long)decimal.Parse(node.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where <see cref="NextNumberAsync"/> keeps its sequences.</summary>
    public const string CountersCollection = "crm-counters";

    internal static T Read<T>(Document document)
    {
        var body = (JsonObject)document.Body.DeepClone();
        body.Remove(Document.PartitionKeyProperty);
        return body.Deserialize<T>(Json) ?? throw new InvalidDataException($"{document.Id}: empty document.");
    }

    internal static Document Write<T>(T record)
        where T : CrmEntity =>
        new(record.Id, PartitionKey, JsonSerializer.SerializeToNode(record, Json)!.AsObject());

    /// <summary>The snake_case JSON of a record (what activities return and dry runs show).</summary>
    public static JsonObject ToJson<T>(T record)
        where T : CrmEntity => JsonSerializer.SerializeToNode(record, Json)!.AsObject();

    internal static T FromJson<T>(JsonObject json) => json.Deserialize<T>(Json)!;
}
