namespace Serverless.Crm.Api.Data;

/// <summary>A list filter: the query parameter and the dotted JSON path of the record it compares (case ignored;
/// an array matches when one of its items does).</summary>
internal sealed record CrmFilter(string Parameter, string Path);

/// <summary>How the REST API reads and writes one CRM record type: its names, routes, id sequence, writable
/// properties, filters, whether unknown properties go into <c>fields</c> and whether its writes publish change events.</summary>
internal sealed record CrmResource
{
    /// <summary>The singular name in messages and 404s: organisation, deal, person, task, user, activity.</summary>
    public required string Name { get; init; }

    public required Type RecordType { get; init; }

    /// <summary>The collection route under /api, e.g. v1/crm/organisations.</summary>
    public required string Route { get; init; }

    /// <summary>The <see cref="Serverless.Crm.Data.ICrmStore.NextNumberAsync"/> sequence its ids come from.</summary>
    public required string Sequence { get; init; }

    public required IReadOnlyList<CrmProperty> Properties { get; init; }

    public IReadOnlyList<CrmFilter> Filters { get; init; } = [];

    /// <summary>Organisations, deals and people: a property with no name of its own is kept in fields.</summary>
    public bool HasFields { get; init; }

    /// <summary>Organisations and deals: written through CrmChanges, so workflows hear of it.</summary>
    public bool PublishesChanges { get; init; }

    public CrmProperty? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);

    public string Location(string id) => $"/api/{Route}/{Uri.EscapeDataString(id)}";
}
