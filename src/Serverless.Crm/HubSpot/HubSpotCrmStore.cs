using Microsoft.Extensions.Options;
using Serverless.Connectors.HubSpot;
using Serverless.Crm.Data;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;
using Serverless.Storage.Errors;

namespace Serverless.Crm.HubSpot;

/// <summary>
/// <see cref="ICrmStore"/> on HubSpot (Crm:Provider = HubSpot): organisations are companies, deals deals, people
/// contacts, tasks tasks, activities notes, users the (read-only) owners; the HubSpot object id is the record id,
/// created_at/updated_at are HubSpot's. Notifications and the number sequences stay in the document store. HubSpot
/// has no ETag: an update reads, applies the change and PATCHes only the properties that differ (last writer wins
/// per property). Every write of a company or deal also updates <see cref="HubSpotMirror"/>, so the webhook HubSpot
/// sends for our own write publishes nothing a second time (<see cref="Changes.CrmChanges"/> already did).
/// </summary>
internal sealed class HubSpotCrmStore(IHubSpotCrmClient client, DocumentCrmStore local, HubSpotRecordMaps maps, HubSpotMirror mirror,
    HubSpotIdAliases aliases, IOptionsMonitor<HubSpotCrmOptions> options) : ICrmStore
{
    public async Task<T?> GetAsync<T>(string id, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        if (typeof(T) == typeof(Notification))
        {
            return await local.GetAsync<T>(id, cancellationToken);
        }

        if (typeof(T) == typeof(User))
        {
            return await client.GetOwnerAsync(id, cancellationToken) is { } owner ? (T)(CrmEntity)ToUser(owner) : null;
        }

        var map = maps.For<T>();
        if (await ResolveAsync(map.ObjectType, id, cancellationToken) is not { } hubSpotId)
        {
            return null;
        }

        var found = await client.GetAsync(map.ObjectType, hubSpotId, map.Properties, map.Associations, cancellationToken);
        return found is null || found.Archived ? null : (T)map.Read(found);
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(string? field = null, string? equals = null, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        if (typeof(T) == typeof(Notification))
        {
            return await local.ListAsync<T>(field, equals, cancellationToken);
        }

        var all = new List<T>();
        if (typeof(T) == typeof(User))
        {
            all.AddRange((await client.ListOwnersAsync(cancellationToken)).Select(o => (T)(CrmEntity)ToUser(o)));
        }
        else
        {
            var map = maps.For<T>();
            string? after = null;
            do
            {
                var page = await client.ListAsync(map.ObjectType, map.Properties, map.Associations, after, cancellationToken);
                all.AddRange(page.Results.Select(o => (T)map.Read(o)));
                after = page.After;
            }
            while (after is not null);
        }

        return [.. all.Where(r => field is null || Matches(r, field, equals ?? "")).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    public async Task<T> CreateAsync<T>(T record, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        ArgumentNullException.ThrowIfNull(record);
        if (typeof(T) == typeof(Notification))
        {
            return await local.CreateAsync(record, cancellationToken);
        }

        var map = MapForWrite<T>();
        if (await aliases.FindAsync(map.ObjectType, record.Id, cancellationToken) is not null)
        {
            throw new ItemAlreadyExistsException(map.ObjectType, record.Id);
        }

        return await CreateInHubSpotAsync(map, record, cancellationToken);
    }

    public async Task<(T Record, bool Created)> CreateOnceAsync<T>(T record, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        ArgumentNullException.ThrowIfNull(record);
        if (typeof(T) == typeof(Notification))
        {
            return await local.CreateOnceAsync(record, cancellationToken);
        }

        var map = MapForWrite<T>();
        if (await aliases.FindAsync(map.ObjectType, record.Id, cancellationToken) is { } existingId
            && await GetAsync<T>(existingId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        return (await CreateInHubSpotAsync(map, record, cancellationToken), true);
    }

    public async Task<CrmUpdate<T>?> UpdateAsync<T>(string id, Func<T, T> change, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        ArgumentNullException.ThrowIfNull(change);
        if (typeof(T) == typeof(Notification))
        {
            return await local.UpdateAsync(id, change, cancellationToken);
        }

        var map = MapForWrite<T>();
        if (await GetAsync<T>(id, cancellationToken) is not { } before)
        {
            return null;
        }

        var wanted = (T)(change(before) with { Id = before.Id, CreatedAt = before.CreatedAt, UpdatedAt = before.UpdatedAt });
        var was = map.Write(before);
        var changed = map.Write(wanted).Where(p => !was.TryGetValue(p.Key, out var old) || (old ?? "") != (p.Value ?? ""))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var links = await LinkChangesAsync(map, before, wanted, cancellationToken);
        if (changed.Count == 0 && links.Count == 0)
        {
            return new CrmUpdate<T>(before, before);
        }

        if (changed.Count > 0 && await client.UpdateAsync(map.ObjectType, before.Id, changed, cancellationToken) is null)
        {
            return null;
        }

        foreach (var (toType, oldId, newId) in links)
        {
            if (oldId is not null)
            {
                await client.RemoveAssociationAsync(map.ObjectType, before.Id, toType, oldId, cancellationToken);
            }

            if (newId is not null)
            {
                await client.AssociateAsync(map.ObjectType, before.Id, toType, newId, cancellationToken);
            }
        }

        var after = await GetAsync<T>(before.Id, cancellationToken) ?? wanted;
        await mirror.SetAsync(after, cancellationToken);
        return new CrmUpdate<T>(before, after);
    }

    public async Task<bool> DeleteAsync<T>(string id, CancellationToken cancellationToken = default)
        where T : CrmEntity
    {
        if (typeof(T) == typeof(Notification))
        {
            return await local.DeleteAsync<T>(id, cancellationToken);
        }

        var map = MapForWrite<T>();
        if (await ResolveAsync(map.ObjectType, id, cancellationToken) is not { } hubSpotId)
        {
            return false;
        }

        var archived = await client.ArchiveAsync(map.ObjectType, hubSpotId, cancellationToken);
        if (hubSpotId != id)
        {
            await aliases.RemoveAsync(map.ObjectType, id, cancellationToken);
        }

        if (typeof(T) == typeof(Organisation) || typeof(T) == typeof(Deal))
        {
            await mirror.RemoveAsync(typeof(T) == typeof(Organisation) ? CrmEntityTypes.Organisation : CrmEntityTypes.Deal, hubSpotId, cancellationToken);
        }

        return archived;
    }

    public Task<long> NextNumberAsync(string sequence, CancellationToken cancellationToken = default) =>
        local.NextNumberAsync(sequence, cancellationToken);

    private async Task<T> CreateInHubSpotAsync<T>(IHubSpotRecordMap map, T record, CancellationToken cancellationToken)
        where T : CrmEntity
    {
        var created = await client.CreateAsync(map.ObjectType, map.Write(record), cancellationToken);
        await aliases.AddAsync(map.ObjectType, record.Id, created.Id, cancellationToken);
        foreach (var (toType, toId) in map.Links(record))
        {
            if (toId is not null && await ResolveAsync(toType, toId, cancellationToken) is { } target)
            {
                await client.AssociateAsync(map.ObjectType, created.Id, toType, target, cancellationToken);
            }
        }

        var stored = await GetAsync<T>(created.Id, cancellationToken) ?? (T)map.Read(created);
        await mirror.SetAsync(stored, cancellationToken);
        return stored;
    }

    /// <summary>The associations to change: (object type, old HubSpot id, new HubSpot id).</summary>
    private async Task<List<(string ToType, string? OldId, string? NewId)>> LinkChangesAsync(IHubSpotRecordMap map, CrmEntity before, CrmEntity after,
        CancellationToken cancellationToken)
    {
        var was = map.Links(before);
        var changes = new List<(string, string?, string?)>();
        foreach (var (toType, wantedId) in map.Links(after))
        {
            var oldId = was.GetValueOrDefault(toType);
            var newId = wantedId is null ? null : await ResolveAsync(toType, wantedId, cancellationToken) ?? wantedId;
            if (oldId != newId)
            {
                changes.Add((toType, oldId, newId));
            }
        }

        return changes;
    }

    /// <summary>The HubSpot id of a record id: its alias when it has one, else the id itself when it can be a
    /// HubSpot id (digits), else none.</summary>
    private async Task<string?> ResolveAsync(string objectType, string id, CancellationToken cancellationToken) =>
        await aliases.FindAsync(objectType, id, cancellationToken) ?? (id.Length > 0 && id.All(char.IsAsciiDigit) ? id : null);

    private IHubSpotRecordMap MapForWrite<T>()
        where T : CrmEntity =>
        typeof(T) == typeof(User)
            ? throw new ActivityException(ErrorKinds.Validation, "HubSpot owners are read-only here: manage users in HubSpot (Settings > Users & Teams).")
            : maps.For<T>();

    private User ToUser(HubSpotOwner owner)
    {
        var name = string.Join(' ', new[] { owner.FirstName, owner.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return new User
        {
            Id = owner.Id,
            Name = name.Length > 0 ? name : owner.Email ?? owner.Id,
            Email = owner.Email ?? "",
            ManagerId = options.CurrentValue.Managers.GetValueOrDefault(owner.Id),
            CreatedAt = owner.CreatedAt,
            UpdatedAt = owner.UpdatedAt,
        };
    }

    private static bool Matches(CrmEntity record, string field, string equals) =>
        HubSpotMirror.ToJson(record)[field] is { } value && value.ToString() == equals;
}
