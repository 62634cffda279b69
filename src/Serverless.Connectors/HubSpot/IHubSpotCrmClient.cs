namespace Serverless.Connectors.HubSpot;

/// <summary>HubSpot's CRM objects, associations and owners, as the HubSpot implementation of the CRM port uses
/// them (objects of <see cref="HubSpotObjectTypes"/>). Calls go through the connector's HubSpot HttpClient (its
/// resilience pipeline and per-token rate limiter). Failures are ActivityExceptions (Unauthorized, RateLimited,
/// Transient, Validation, Conflict, ...); a missing object is null or false, not an exception.</summary>
public interface IHubSpotCrmClient
{
    /// <summary>GET /crm/v3/objects/{type}/{id}?properties=...&amp;associations=...; null on 404.</summary>
    Task<HubSpotCrmObject?> GetAsync(string objectType, string id, IReadOnlyCollection<string> properties,
        IReadOnlyCollection<string> associations, CancellationToken cancellationToken);

    /// <summary>GET /crm/v3/objects/{type}?limit=...&amp;after=...: one page of every (unarchived) object.</summary>
    Task<HubSpotCrmPage> ListAsync(string objectType, IReadOnlyCollection<string> properties, IReadOnlyCollection<string> associations,
        string? after, CancellationToken cancellationToken);

    /// <summary>POST /crm/v3/objects/{type}.</summary>
    Task<HubSpotCrmObject> CreateAsync(string objectType, IReadOnlyDictionary<string, string?> properties, CancellationToken cancellationToken);

    /// <summary>PATCH /crm/v3/objects/{type}/{id} (an empty string clears a property); null on 404.</summary>
    Task<HubSpotCrmObject?> UpdateAsync(string objectType, string id, IReadOnlyDictionary<string, string?> properties, CancellationToken cancellationToken);

    /// <summary>DELETE /crm/v3/objects/{type}/{id} (archives); false on 404.</summary>
    Task<bool> ArchiveAsync(string objectType, string id, CancellationToken cancellationToken);

    /// <summary>POST /crm/v3/objects/{type}/search.</summary>
    Task<HubSpotCrmPage> SearchAsync(string objectType, HubSpotSearch search, CancellationToken cancellationToken);

    /// <summary>PUT /crm/v4/objects/{from}/{id}/associations/default/{to}/{toId}: the default (unlabelled) association.</summary>
    Task AssociateAsync(string fromType, string fromId, string toType, string toId, CancellationToken cancellationToken);

    /// <summary>DELETE /crm/v4/objects/{from}/{id}/associations/{to}/{toId}: every association between the two.</summary>
    Task RemoveAssociationAsync(string fromType, string fromId, string toType, string toId, CancellationToken cancellationToken);

    /// <summary>GET /crm/v3/owners, every page.</summary>
    Task<IReadOnlyList<HubSpotOwner>> ListOwnersAsync(CancellationToken cancellationToken);

    /// <summary>GET /crm/v3/owners/{id}; null on 404.</summary>
    Task<HubSpotOwner?> GetOwnerAsync(string id, CancellationToken cancellationToken);
}
