using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Storage.Documents;

namespace Serverless.Crm.HubSpot;

/// <summary>The last state seen of each HubSpot company and deal, as our record JSON: the "before" of the next
/// change event. Written by every write through <see cref="HubSpotCrmStore"/> and by every change the webhook or
/// the poller publishes, so a change already published (ours, or a webhook redelivered) compares equal and
/// publishes nothing again.</summary>
public sealed class HubSpotMirror(IDocumentStore documents)
{
    public const string MirrorCollection = "crm-hubspot-mirror";

    public async Task<JsonObject?> GetAsync(string entityType, string id, CancellationToken cancellationToken)
    {
        var document = await documents.ReadAsync(MirrorCollection, DocumentCrmStore.PartitionKey, Key(entityType, id), cancellationToken);
        if (document is null)
        {
            return null;
        }

        var body = (JsonObject)document.Body.DeepClone();
        body.Remove(Document.PartitionKeyProperty);
        body.Remove(Document.IdProperty);
        body["id"] = id;
        return body;
    }

    /// <summary>Keeps the record (only organisations and deals: the types with change events).</summary>
    public async Task SetAsync(CrmEntity record, CancellationToken cancellationToken)
    {
        if (record is Organisation or Deal && CrmChanges.EntityTypeOf(record) is { } entityType)
        {
            var body = ToJson(record);
            await documents.UpsertAsync(MirrorCollection, new Document(Key(entityType, record.Id), DocumentCrmStore.PartitionKey, body), cancellationToken);
        }
    }

    public Task RemoveAsync(string entityType, string id, CancellationToken cancellationToken) =>
        documents.DeleteAsync(MirrorCollection, DocumentCrmStore.PartitionKey, Key(entityType, id), cancellationToken: cancellationToken);

    /// <summary>Whether two record JSONs differ in anything but updated_at.</summary>
    public static bool Differs(JsonObject? before, JsonObject after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            return true;
        }

        var b = (JsonObject)before.DeepClone();
        var a = (JsonObject)after.DeepClone();
        b.Remove("updated_at");
        a.Remove("updated_at");
        return !JsonNode.DeepEquals(b, a);
    }

    /// <summary>Our snake_case JSON of a record by its runtime type (what DocumentCrmStore.ToJson gives for it).</summary>
    public static JsonObject ToJson(CrmEntity record) =>
        JsonSerializer.SerializeToNode(record, (record ?? throw new ArgumentNullException(nameof(record))).GetType(), DocumentCrmStore.Json)!.AsObject();

    private static string Key(string entityType, string id) => $"{entityType}-{id}";
}
