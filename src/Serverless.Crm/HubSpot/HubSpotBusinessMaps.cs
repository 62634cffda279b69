using System.Globalization;
using Serverless.Connectors.HubSpot;
using Serverless.Crm.Data;

namespace Serverless.Crm.HubSpot;

/// <summary>Organisation &lt;-&gt; company: name, the stage property, the email property when set.</summary>
internal sealed class CompanyMap(HubSpotCrmOptions options) : HubSpotBusinessMap<Organisation>(HubSpotObjectTypes.Companies, options, options.OrganisationFields)
{
    public override IReadOnlyList<string> Properties =>
        ["name", Options.StageProperty, .. string.IsNullOrWhiteSpace(Options.EmailProperty) ? Array.Empty<string>() : [Options.EmailProperty], .. CommonProperties];

    public override IReadOnlyList<string> Associations => [];

    public override Organisation Read(HubSpotCrmObject source) => ReadCommon(new Organisation
    {
        Id = source.Id,
        Name = source["name"] ?? "",
        PipelineStage = NullIfEmpty(source[Options.StageProperty]),
        Email = string.IsNullOrWhiteSpace(Options.EmailProperty) ? null : NullIfEmpty(source[Options.EmailProperty]),
    }, source);

    public override Dictionary<string, string?> Write(Organisation record)
    {
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = record.Name,
            [Options.StageProperty] = record.PipelineStage ?? "",
        };
        if (!string.IsNullOrWhiteSpace(Options.EmailProperty))
        {
            properties[Options.EmailProperty] = record.Email ?? "";
        }

        return WriteCommon(record, properties);
    }

    public override Dictionary<string, string?> Links(Organisation record) => [];
}

/// <summary>Deal &lt;-&gt; deal: dealname, dealstage, amount, deal_currency_code, the associated company.</summary>
internal sealed class DealMap(HubSpotCrmOptions options) : HubSpotBusinessMap<Deal>(HubSpotObjectTypes.Deals, options, options.DealFields)
{
    public override IReadOnlyList<string> Properties => ["dealname", "dealstage", "amount", "deal_currency_code", .. CommonProperties];

    public override IReadOnlyList<string> Associations => [HubSpotObjectTypes.Companies];

    public override Deal Read(HubSpotCrmObject source) => ReadCommon(new Deal
    {
        Id = source.Id,
        Title = source["dealname"] ?? "",
        Stage = NullIfEmpty(source["dealstage"]),
        Amount = decimal.TryParse(source["amount"], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null,
        Currency = NullIfEmpty(source["deal_currency_code"]),
        OrganisationId = First(source, HubSpotObjectTypes.Companies),
    }, source);

    public override Dictionary<string, string?> Write(Deal record) => WriteCommon(record, new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["dealname"] = record.Title,
        ["dealstage"] = record.Stage ?? "",
        ["amount"] = record.Amount?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["deal_currency_code"] = record.Currency ?? "",
    });

    public override Dictionary<string, string?> Links(Deal record) => new() { [HubSpotObjectTypes.Companies] = record.OrganisationId };
}

/// <summary>Person &lt;-&gt; contact: firstname + lastname (split at the first space on write), email, phone, company.</summary>
internal sealed class ContactMap(HubSpotCrmOptions options) : HubSpotBusinessMap<Person>(HubSpotObjectTypes.Contacts, options, options.PersonFields)
{
    public override IReadOnlyList<string> Properties => ["firstname", "lastname", "email", "phone", .. CommonProperties];

    public override IReadOnlyList<string> Associations => [HubSpotObjectTypes.Companies];

    public override Person Read(HubSpotCrmObject source) => ReadCommon(new Person
    {
        Id = source.Id,
        Name = string.Join(' ', new[] { source["firstname"], source["lastname"] }.Where(n => !string.IsNullOrWhiteSpace(n))),
        Email = NullIfEmpty(source["email"]),
        Phone = NullIfEmpty(source["phone"]),
        OrganisationId = First(source, HubSpotObjectTypes.Companies),
    }, source);

    public override Dictionary<string, string?> Write(Person record)
    {
        var name = record.Name.Trim();
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return WriteCommon(record, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["firstname"] = space < 0 ? name : name[..space],
            ["lastname"] = space < 0 ? "" : name[(space + 1)..].Trim(),
            ["email"] = record.Email ?? "",
            ["phone"] = record.Phone ?? "",
        });
    }

    public override Dictionary<string, string?> Links(Person record) => new() { [HubSpotObjectTypes.Companies] = record.OrganisationId };
}
