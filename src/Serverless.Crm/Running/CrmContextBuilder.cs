using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;

namespace Serverless.Crm.Running;

/// <summary>
/// Builds the seed's execution context (WorkflowEngine._build_context), which a run receives as its trigger body:
/// trigger_entity_type, trigger_entity_id, trigger_data, timestamp, the entity under its type (organisation, deal,
/// person) with its free fields flattened beside the named ones and the seed's French names (organisation.nom,
/// deal.montant), the organisation of a deal or person, owner (the entity's owner, else its organisation's) and
/// manager (the owner's manager), and for a change: before, from_stage / to_stage, inactive_days, event_id and
/// cause_chain.
/// </summary>
public sealed class CrmContextBuilder(ICrmStore store, TimeProvider time)
{
    /// <summary>The context of a manual run on an entity; null when the entity does not exist.</summary>
    public async Task<JsonObject?> ForEntityAsync(string entityType, string entityId, JsonNode? triggerData, CancellationToken cancellationToken)
    {
        var entity = entityType switch
        {
            CrmEntityTypes.Organisation => await JsonOf<Organisation>(entityId, cancellationToken),
            CrmEntityTypes.Deal => await JsonOf<Deal>(entityId, cancellationToken),
            CrmEntityTypes.Person => await JsonOf<Person>(entityId, cancellationToken),
            _ => null,
        };
        return entity is null ? null : await BuildAsync(entityType, entityId, entity, triggerData, cancellationToken);
    }

    /// <summary>The context of a run a change event starts (the entity as the event has it: no second read).</summary>
    public async Task<JsonObject> ForChangeAsync(CrmChangeEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var context = await BuildAsync(change.EntityType, change.EntityId, change.After ?? [], change.Extra, cancellationToken);
        if (change.Before is { } before)
        {
            context["before"] = Shape(change.EntityType, before);
        }

        foreach (var (name, value) in change.Extra ?? [])
        {
            context[name] = value?.DeepClone();
        }

        context["event_id"] = change.EventId;
        context["cause_chain"] = new JsonArray([.. change.CauseChain.Select(c => (JsonNode)JsonValue.Create(c))]);
        context["timestamp"] = Timestamp(change.OccurredAt);
        return context;
    }

    /// <summary>The context of a scheduled run (no entity: timestamp and trigger_data only, as the seed's).</summary>
    public JsonObject ForSchedule(DateTimeOffset due) => new()
    {
        ["trigger_entity_type"] = null,
        ["trigger_entity_id"] = null,
        ["trigger_data"] = new JsonObject { ["scheduled_for"] = Timestamp(due) },
        ["timestamp"] = Timestamp(due),
        ["cause_chain"] = new JsonArray(),
    };

    private async Task<JsonObject> BuildAsync(string entityType, string entityId, JsonObject entity, JsonNode? triggerData, CancellationToken cancellationToken)
    {
        var shaped = Shape(entityType, entity);
        var context = new JsonObject
        {
            ["trigger_entity_type"] = entityType,
            ["trigger_entity_id"] = entityId,
            ["trigger_data"] = triggerData?.DeepClone() ?? new JsonObject(),
            ["timestamp"] = Timestamp(time.GetUtcNow()),
            [entityType] = shaped,
            ["cause_chain"] = new JsonArray(),
        };

        JsonObject? organisation = entityType == CrmEntityTypes.Organisation ? shaped : null;
        if (organisation is null && Text(entity, "organisation_id") is { } organisationId
            && await JsonOf<Organisation>(organisationId, cancellationToken) is { } found)
        {
            organisation = Shape(CrmEntityTypes.Organisation, found);
            context[CrmEntityTypes.Organisation] = organisation;
        }

        var ownerId = Text(entity, "owner_id") ?? (organisation is null ? null : Text(organisation, "owner_id"));
        if (ownerId is not null && await store.GetAsync<User>(ownerId, cancellationToken) is { } owner)
        {
            context["owner"] = UserJson(owner);
            if (owner.ManagerId is { } managerId && await store.GetAsync<User>(managerId, cancellationToken) is { } manager)
            {
                context["manager"] = UserJson(manager);
            }
        }

        return context;
    }

    /// <summary>A record's JSON as the seed's templates read it: free fields beside the named ones (a named one wins),
    /// organisation.nom = name, deal.montant = amount, deal.nom = title when the record has no such field.</summary>
    public static JsonObject Shape(string entityType, JsonObject record)
    {
        var shaped = record.DeepClone().AsObject();
        shaped.Remove("pk");
        if (record["fields"] is JsonObject fields)
        {
            foreach (var (name, value) in fields)
            {
                if (!shaped.ContainsKey(name))
                {
                    shaped[name] = value?.DeepClone();
                }
            }
        }

        void Alias(string alias, string of)
        {
            if (!shaped.ContainsKey(alias) && shaped[of] is { } value)
            {
                shaped[alias] = value.DeepClone();
            }
        }

        switch (entityType)
        {
            case CrmEntityTypes.Organisation:
                Alias("nom", "name");
                break;
            case CrmEntityTypes.Deal:
                Alias("montant", "amount");
                Alias("nom", "title");
                break;
            case CrmEntityTypes.Person:
                Alias("nom", "name");
                break;
        }

        return shaped;
    }

    private async Task<JsonObject?> JsonOf<T>(string id, CancellationToken cancellationToken)
        where T : CrmEntity =>
        await store.GetAsync<T>(id, cancellationToken) is { } record ? DocumentCrmStore.ToJson(record) : null;

    private static JsonObject UserJson(User user) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["email"] = user.Email,
        ["manager_id"] = user.ManagerId,
    };

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.ToString() is { Length: > 0 } text ? text : null;

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
