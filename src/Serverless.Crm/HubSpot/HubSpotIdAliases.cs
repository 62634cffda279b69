using System.Text.Json.Nodes;
using Serverless.Crm.Data;
using Serverless.Storage.Documents;
using Serverless.Storage.Errors;

namespace Serverless.Crm.HubSpot;

/// <summary>HubSpot chooses object ids, so the id a caller proposes on creation (an activity's id from its
/// idempotency key, the REST API's next number) is kept here as an alias of the HubSpot id: a retried
/// CreateOnceAsync finds the object its first attempt created, and GetAsync accepts either id.</summary>
internal sealed class HubSpotIdAliases(IDocumentStore documents)
{
    public const string AliasCollection = "crm-hubspot-ids";

    public async Task<string?> FindAsync(string objectType, string alias, CancellationToken cancellationToken) =>
        (await documents.ReadAsync(AliasCollection, DocumentCrmStore.PartitionKey, Key(objectType, alias), cancellationToken))?
            .Body["hubspot_id"]?.GetValue<string>();

    public async Task AddAsync(string objectType, string alias, string hubSpotId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(alias) || alias == hubSpotId)
        {
            return;
        }

        try
        {
            await documents.CreateAsync(AliasCollection,
                new Document(Key(objectType, alias), DocumentCrmStore.PartitionKey, new JsonObject { ["hubspot_id"] = hubSpotId }), cancellationToken);
        }
        catch (ItemAlreadyExistsException)
        {
            // A concurrent creation with the same proposed id got there first; its alias stands.
        }
    }

    public Task RemoveAsync(string objectType, string alias, CancellationToken cancellationToken) =>
        documents.DeleteAsync(AliasCollection, DocumentCrmStore.PartitionKey, Key(objectType, alias), cancellationToken: cancellationToken);

    private static string Key(string objectType, string alias) => $"{objectType}-{alias}";
}
