namespace Serverless.Connectors.HubSpot;

/// <summary>A CRM object as HubSpot's v3 objects API returns it: every property value is a string (or null), and
/// the associations asked for are the associated ids by object type ("companies", "deals", "contacts").</summary>
public sealed record HubSpotCrmObject(string Id, IReadOnlyDictionary<string, string?> Properties, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public bool Archived { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Associations { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string? this[string property] => Properties.TryGetValue(property, out var value) ? value : null;
}

/// <summary>One page of a list or a search, and the cursor of the next one (null on the last page).</summary>
public sealed record HubSpotCrmPage(IReadOnlyList<HubSpotCrmObject> Results, string? After, int Total);

/// <summary>A filter of a search (operators EQ, NEQ, GT, GTE, LT, LTE, ...; dates as epoch milliseconds).</summary>
public sealed record HubSpotSearchFilter(string PropertyName, string Operator, string Value);

/// <summary>POST /crm/v3/objects/{type}/search: the filters are ANDed in one filter group; at most 200 per page.</summary>
public sealed record HubSpotSearch(IReadOnlyList<HubSpotSearchFilter> Filters, IReadOnlyList<string> Properties)
{
    /// <summary>The property sorted on, ascending; null: HubSpot's order.</summary>
    public string? SortAscendingBy { get; init; }

    public int Limit { get; init; } = 100;

    public string? After { get; init; }
}

/// <summary>A HubSpot owner (GET /crm/v3/owners): the user records and tasks are assigned to.</summary>
public sealed record HubSpotOwner(string Id, string? Email, string? FirstName, string? LastName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The object types of the CRM v3/v4 paths.</summary>
public static class HubSpotObjectTypes
{
    public const string Companies = "companies";
    public const string Deals = "deals";
    public const string Contacts = "contacts";
    public const string Tasks = "tasks";
    public const string Notes = "notes";
}
