using System.Text.Json.Nodes;
using Serverless.Connectors.HubSpot;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;

namespace Serverless.Crm.HubSpot;

/// <summary>
/// Turns "this HubSpot company/deal may have changed" (a webhook event, a poll hit) into change events: fetches the
/// object, maps it, compares it with <see cref="HubSpotMirror"/> (the before), publishes to <see cref="ICrmEventSink"/>
/// on the channels <see cref="CrmChanges.ChannelsOf{T}"/> gives, then updates the mirror. Publishing comes first: a
/// crash in between republishes on the redelivery under the same event id, which the dispatcher starts once.
/// </summary>
internal sealed class HubSpotChangePublisher(IHubSpotCrmClient client, HubSpotRecordMaps maps, HubSpotMirror mirror, ICrmEventSink sink, TimeProvider time)
{
    /// <param name="entityType">organisation or deal.</param>
    /// <param name="eventKey">What makes the event ids (hubspot-{key}; the stage change hubspot-{key}-stage).</param>
    /// <param name="isCreation">A first sight of the object is a creation (else an update with no before: the
    /// object existed before the mirror did).</param>
    /// <returns>The event ids published (none when nothing changed since the mirror).</returns>
    /// <param name="onlyIfKnown">Publish only when the mirror has the object (the poller's overlap window: what was
    /// modified before its checkpoint and never seen is not news).</param>
    public async Task<IReadOnlyList<string>> PublishAsync(string entityType, string objectId, string eventKey, bool isCreation,
        DateTimeOffset? occurredAt, CancellationToken cancellationToken, bool onlyIfKnown = false)
    {
        var map = maps.ForEntityType(entityType);
        var found = await client.GetAsync(map.ObjectType, objectId, map.Properties, map.Associations, cancellationToken);
        if (found is null || found.Archived)
        {
            await mirror.RemoveAsync(entityType, objectId, cancellationToken);
            return [];
        }

        var after = map.Read(found);
        var afterJson = HubSpotMirror.ToJson(after);
        var beforeJson = await mirror.GetAsync(entityType, objectId, cancellationToken);
        if (!HubSpotMirror.Differs(beforeJson, afterJson) || (onlyIfKnown && beforeJson is null))
        {
            return [];
        }

        var channels = (after, beforeJson) switch
        {
            (_, null) when isCreation => Created(after),
            (Organisation, null) => [CrmNames.Channels.OrganisationUpdated],
            (Deal, null) => [CrmNames.Channels.DealUpdated],
            (Organisation o, _) => CrmChanges.ChannelsOf(DocumentCrmStore.FromJson<Organisation>(beforeJson), o),
            (Deal d, _) => CrmChanges.ChannelsOf(DocumentCrmStore.FromJson<Deal>(beforeJson), d),
            _ => [],
        };

        var published = new List<string>();
        foreach (var channel in channels)
        {
            var stage = channel == CrmNames.Channels.DealStageChanged;
            var change = new CrmChangeEvent
            {
                EventId = stage ? $"hubspot-{eventKey}-stage" : $"hubspot-{eventKey}",
                Channel = channel,
                EntityType = entityType,
                EntityId = after.Id,
                Before = beforeJson,
                After = afterJson,
                OccurredAt = occurredAt ?? time.GetUtcNow(),
                Extra = stage
                    ? new JsonObject { ["from_stage"] = beforeJson?["stage"]?.DeepClone(), ["to_stage"] = afterJson["stage"]?.DeepClone() }
                    : null,
            };
            await sink.PublishAsync(change, cancellationToken);
            published.Add(change.EventId);
        }

        await mirror.SetAsync(after, cancellationToken);
        return published;
    }

    private static IReadOnlyList<string> Created(CrmEntity record) => record switch
    {
        Organisation => [CrmNames.Channels.OrganisationCreated],
        Deal => [CrmNames.Channels.DealCreated],
        _ => [],
    };
}
