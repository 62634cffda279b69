using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Crm.Data;

namespace Serverless.Crm.Changes;

/// <summary>What a write through <see cref="CrmChanges"/> did: the record before (null on a creation) and after,
/// and what the change event it published started.</summary>
public sealed record CrmWrite<T>(T? Before, T After, CrmDispatchResult Dispatch)
    where T : CrmEntity;

/// <summary>
/// Writes to the CRM that workflows react to. Every creation or real change (anything but updated_at differs) of an
/// organisation or a deal publishes its change event to <see cref="ICrmEventSink"/>: organisation created/updated,
/// deal created/updated, plus deal stage_changed when the stage moved. The REST API, the workflow actions and the
/// HubSpot bridge all write through here, so a change fires the same workflows whoever made it. Records of other
/// types are written without an event (no trigger listens to them).
/// </summary>
public sealed class CrmChanges(ICrmStore store, ICrmEventSink sink, TimeProvider time)
{
    public ICrmStore Store => store;

    public async Task<CrmWrite<T>> CreateAsync<T>(T record, CrmCause? cause = null, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        var created = await store.CreateAsync(record, cancellationToken);
        var dispatch = await PublishAsync(null, created, null, DocumentCrmStore.ToJson(created), cause, cancellationToken);
        return new CrmWrite<T>(null, created, dispatch);
    }

    /// <summary>Null when there is no such record.</summary>
    public async Task<CrmWrite<T>?> UpdateAsync<T>(string id, Func<T, T> change, CrmCause? cause = null, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        if (await store.UpdateAsync(id, change, cancellationToken) is not { } update)
        {
            return null;
        }

        var before = DocumentCrmStore.ToJson(update.Before);
        var after = DocumentCrmStore.ToJson(update.After);
        var dispatch = Changed(before, after)
            ? await PublishAsync(update.Before, update.After, before, after, cause, cancellationToken)
            : CrmDispatchResult.None;
        return new CrmWrite<T>(update.Before, update.After, dispatch);
    }

    /// <summary>The change events a write of this record publishes (none for types no trigger listens to).</summary>
    public static IReadOnlyList<string> ChannelsOf<T>(T? before, T after)
        where T : CrmEntity => (before, after) switch
        {
            (null, Organisation) => [CrmNames.Channels.OrganisationCreated],
            (Organisation, Organisation) => [CrmNames.Channels.OrganisationUpdated],
            (null, Deal) => [CrmNames.Channels.DealCreated],
            (Deal b, Deal a) when !string.Equals(b.Stage, a.Stage, StringComparison.Ordinal) =>
                [CrmNames.Channels.DealUpdated, CrmNames.Channels.DealStageChanged],
            (Deal, Deal) => [CrmNames.Channels.DealUpdated],
            _ => [],
        };

    /// <summary>The entity type of a record that has change events (organisation, deal, person), else null.</summary>
    public static string? EntityTypeOf(CrmEntity record) => record switch
    {
        Organisation => CrmEntityTypes.Organisation,
        Deal => CrmEntityTypes.Deal,
        Person => CrmEntityTypes.Person,
        _ => null,
    };

    /// <param name="beforeJson">The records' JSON, serialised once by the caller; each event gets its own copy.</param>
    private async Task<CrmDispatchResult> PublishAsync<T>(
        T? before, T after, JsonObject? beforeJson, JsonObject afterJson, CrmCause? cause, CancellationToken cancellationToken)
        where T : CrmEntity
    {
        var channels = ChannelsOf(before, after);
        if (channels.Count == 0 || EntityTypeOf(after) is not { } entityType)
        {
            return CrmDispatchResult.None;
        }

        var started = new List<string>();
        string? stopped = null;
        var now = time.GetUtcNow();
        foreach (var channel in channels)
        {
            var change = new CrmChangeEvent
            {
                EventId = EventId(cause, channel, entityType, after.Id),
                Channel = channel,
                EntityType = entityType,
                EntityId = after.Id,
                Before = beforeJson?.DeepClone().AsObject(),
                After = afterJson.DeepClone().AsObject(),
                OccurredAt = now,
                CauseChain = cause?.Chain ?? [],
                Extra = channel == CrmNames.Channels.DealStageChanged && before is Deal b && after is Deal a
                    ? new JsonObject { ["from_stage"] = b.Stage, ["to_stage"] = a.Stage }
                    : null,
            };
            var result = await sink.PublishAsync(change, cancellationToken);
            started.AddRange(result.Started);
            stopped ??= result.Stopped;
        }

        return new CrmDispatchResult(started, stopped);
    }

    /// <summary>A fresh id for a change a person made; for a change an action made, the same id on every attempt of
    /// that action, so a retried action does not start the workflows a second time.</summary>
    private static string EventId(CrmCause? cause, string channel, string entityType, string entityId)
    {
        if (cause is null)
        {
            return Guid.CreateVersion7().ToString("N");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{cause.IdempotencyKey}|{channel}|{entityType}|{entityId}"));
        return "a" + Convert.ToHexStringLower(hash)[..31];
    }

    /// <summary>Whether anything but updated_at differs (both records serialise the same properties).</summary>
    private static bool Changed(JsonObject before, JsonObject after) =>
        before.Count != after.Count
        || before.Any(p => p.Key != "updated_at" && (!after.TryGetPropertyValue(p.Key, out var value) || !JsonNode.DeepEquals(p.Value, value)));
}
