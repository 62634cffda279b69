using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.HubSpot;
using Serverless.Crm.Data;
using Serverless.Storage.Documents;

namespace Serverless.Crm.HubSpot;

/// <summary>What one poll did.</summary>
public sealed record HubSpotPollResult(int Seen, IReadOnlyList<string> Published);

/// <summary>
/// The fallback for missed webhooks: searches the companies and deals whose hs_lastmodifieddate is at or after a
/// checkpoint kept in the document store (sorted ascending, 100 a page, at most MaxPollPages pages a poll) and
/// publishes their changes like the webhook does, event id hubspot-poll-{object id}-{modified ms}. The search runs
/// from 30 seconds before the checkpoint, because HubSpot's search index lags the writes; what was already
/// published compares equal to the mirror and publishes nothing, and an object of that window never seen before is
/// skipped (it changed before the checkpoint). The first poll only sets the checkpoint to now.
/// </summary>
internal sealed class HubSpotChangePoller(IHubSpotCrmClient client, HubSpotChangePublisher publisher, IDocumentStore documents,
    IOptionsMonitor<HubSpotCrmOptions> options, TimeProvider time)
{
    public const string CheckpointCollection = "crm-hubspot-checkpoints";
    public const string ModifiedProperty = "hs_lastmodifieddate";
    public static readonly TimeSpan IndexLag = TimeSpan.FromSeconds(30);
    private const string ScheduleId = "schedule";

    /// <summary>Polls when the interval has passed since the last poll (by any worker); null when it has not.</summary>
    public async Task<HubSpotPollResult?> PollIfDueAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(options.CurrentValue.PollIntervalSeconds);
        var now = time.GetUtcNow();
        var schedule = await documents.ReadAsync(CheckpointCollection, DocumentCrmStore.PartitionKey, ScheduleId, cancellationToken);
        if (schedule?.Body["polled_at_ms"] is JsonValue last && now - DateTimeOffset.FromUnixTimeMilliseconds(last.GetValue<long>()) < interval - TimeSpan.FromSeconds(1))
        {
            return null;
        }

        await documents.UpsertAsync(CheckpointCollection,
            new Document(ScheduleId, DocumentCrmStore.PartitionKey, new JsonObject { ["polled_at_ms"] = now.ToUnixTimeMilliseconds() }), cancellationToken);
        return await PollAsync(cancellationToken);
    }

    public async Task<HubSpotPollResult> PollAsync(CancellationToken cancellationToken)
    {
        var seen = 0;
        var published = new List<string>();
        foreach (var (entityType, objectType) in new[] { (CrmEntityTypes.Organisation, HubSpotObjectTypes.Companies), (CrmEntityTypes.Deal, HubSpotObjectTypes.Deals) })
        {
            var checkpoint = await documents.ReadAsync(CheckpointCollection, DocumentCrmStore.PartitionKey, objectType, cancellationToken);
            if (checkpoint?.Body["modified_ms"] is not JsonValue value)
            {
                await SaveAsync(objectType, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
                continue;
            }

            var since = value.GetValue<long>();
            var newest = since;
            string? after = null;
            var pages = 0;
            do
            {
                var page = await client.SearchAsync(objectType, new HubSpotSearch(
                    [new HubSpotSearchFilter(ModifiedProperty, "GTE", (since - (long)IndexLag.TotalMilliseconds).ToString(CultureInfo.InvariantCulture))],
                    [ModifiedProperty, "createdate"])
                { SortAscendingBy = ModifiedProperty, After = after }, cancellationToken);
                foreach (var hit in page.Results)
                {
                    seen++;
                    var modified = Milliseconds(hit[ModifiedProperty]) ?? hit.UpdatedAt.ToUnixTimeMilliseconds();
                    var createdSince = hit.CreatedAt.ToUnixTimeMilliseconds() >= since;
                    published.AddRange(await publisher.PublishAsync(entityType, hit.Id, $"poll-{hit.Id}-{modified}", createdSince,
                        DateTimeOffset.FromUnixTimeMilliseconds(modified), cancellationToken, onlyIfKnown: modified < since));
                    newest = Math.Max(newest, modified);
                }

                after = page.After;
            }
            while (after is not null && ++pages < options.CurrentValue.MaxPollPages);

            await SaveAsync(objectType, newest, cancellationToken);
        }

        return new HubSpotPollResult(seen, published);
    }

    private Task SaveAsync(string objectType, long modifiedMs, CancellationToken cancellationToken) =>
        documents.UpsertAsync(CheckpointCollection,
            new Document(objectType, DocumentCrmStore.PartitionKey, new JsonObject { ["modified_ms"] = modifiedMs }), cancellationToken);

    /// <summary>hs_lastmodifieddate comes as ISO 8601 from the objects API, epoch milliseconds in some payloads.</summary>
    private static long? Milliseconds(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? ms
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUnixTimeMilliseconds()
        : null;
}
