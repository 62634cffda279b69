using Microsoft.Extensions.Options;
using Serverless.Crm.Data;

namespace Serverless.Crm.HubSpot;

/// <summary>The map of each record type that lives in HubSpot (notifications and users do not have one).</summary>
internal sealed class HubSpotRecordMaps
{
    private readonly Dictionary<Type, IHubSpotRecordMap> maps;

    public HubSpotRecordMaps(IOptions<HubSpotCrmOptions> options, TimeProvider time)
    {
        Company = new CompanyMap(options.Value);
        Deal = new DealMap(options.Value);
        maps = new IHubSpotRecordMap[] { Company, Deal, new ContactMap(options.Value), new TaskMap(time), new NoteMap() }
            .ToDictionary(m => m.RecordType);
    }

    public CompanyMap Company { get; }

    public DealMap Deal { get; }

    public IHubSpotRecordMap For<T>()
        where T : CrmEntity => maps[typeof(T)];

    /// <summary>The map of an entity type that has change events (organisation, deal).</summary>
    public IHubSpotRecordMap ForEntityType(string entityType) => entityType switch
    {
        CrmEntityTypes.Organisation => Company,
        CrmEntityTypes.Deal => Deal,
        _ => throw new ArgumentException($"'{entityType}' has no change events.", nameof(entityType)),
    };
}
