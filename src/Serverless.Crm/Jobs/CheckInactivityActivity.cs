using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Crm.Running;
using Serverless.Crm.Workflows;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Crm.Jobs;

/// <summary>
/// crm.jobs.check_inactivity (the seed's check_inactivity_workflows): for each entity type an active
/// inactivity_delay workflow watches, finds the entities with no activity for at least the smallest delay asked
/// (last activity = the newest of the entity's own update and its activity records) and publishes one
/// crm.entity.inactive event per entity, with inactive_days. The event id is the entity plus its last activity, so
/// one inactivity streak starts each workflow once, however many nights it lasts.
/// </summary>
public sealed class CheckInactivityActivity(CrmWorkflowRegistry registry, ICrmStore store, ICrmEventSink sink, TimeProvider time) : IActivity
{
    public string Name => CrmJobs.InactivityActivity;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var watched = snapshot.ListeningOn(CrmNames.Channels.EntityInactive)
            .Select(w => (Type: CrmTriggerRules.InactivityEntity(w.Spec.TriggerConfig), Days: CrmTriggerRules.InactivityDays(w.Spec.TriggerConfig)))
            .GroupBy(w => w.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(w => w.Days), StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var report = new JsonObject { ["checked_at"] = now.ToString("O", CultureInfo.InvariantCulture) };
        if (watched.Count == 0 || context.DryRun)
        {
            report["checked"] = 0;
            report["inactive"] = 0;
            report["started"] = 0;
            return report;
        }

        var lastActivity = (await store.ListAsync<CrmActivityRecord>(cancellationToken: cancellationToken))
            .Where(a => a.Entity is not null)
            .GroupBy(a => (a.Entity!.Type, a.Entity.Id))
            .ToDictionary(g => g.Key, g => g.Max(a => a.At));
        int checkedCount = 0, inactive = 0, started = 0;
        foreach (var (type, days) in watched)
        {
            IReadOnlyList<CrmBusinessEntity> entities = type switch
            {
                CrmEntityTypes.Deal => await store.ListAsync<Deal>(cancellationToken: cancellationToken),
                CrmEntityTypes.Person => await store.ListAsync<Person>(cancellationToken: cancellationToken),
                _ => await store.ListAsync<Organisation>(cancellationToken: cancellationToken),
            };
            foreach (var entity in entities)
            {
                checkedCount++;
                var last = lastActivity.TryGetValue((type, entity.Id), out var at) && at > entity.UpdatedAt ? at : entity.UpdatedAt;
                var idle = (int)Math.Floor((now - last).TotalDays);
                if (idle < days)
                {
                    continue;
                }

                inactive++;
                var result = await sink.PublishAsync(new CrmChangeEvent
                {
                    EventId = $"inactive-{type}-{entity.Id}-{last.ToUniversalTime():yyyyMMddHHmmssfff}",
                    Channel = CrmNames.Channels.EntityInactive,
                    EntityType = type,
                    EntityId = entity.Id,
                    After = Json(entity),
                    OccurredAt = now,
                    Extra = new JsonObject
                    {
                        ["inactive_days"] = idle,
                        ["last_activity_at"] = last.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                    },
                }, cancellationToken);
                started += result.Started.Count;
            }
        }

        report["checked"] = checkedCount;
        report["inactive"] = inactive;
        report["started"] = started;
        return report;
    }

    private static JsonObject Json(CrmBusinessEntity entity) => entity switch
    {
        Organisation o => DocumentCrmStore.ToJson(o),
        Deal d => DocumentCrmStore.ToJson(d),
        Person p => DocumentCrmStore.ToJson(p),
        _ => throw new ActivityException(ErrorKinds.Validation, $"{entity.GetType().Name} has no inactivity."),
    };
}
