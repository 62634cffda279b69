namespace Serverless.Crm.HubSpot;

/// <summary>The "Crm:HubSpot" settings, used when Crm:Provider is HubSpot. The API's address and token are the
/// connector's (Connectors:HubSpot:BaseAddress, AccessToken).</summary>
public sealed class HubSpotCrmOptions
{
    public const string SectionName = "Crm:HubSpot";

    /// <summary>Secret: the HubSpot app's client secret, the key of the X-HubSpot-Signature-v3 HMAC. Empty: every
    /// webhook call is refused (polling only).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The webhook's public URL as configured in the HubSpot app (what HubSpot signed). Empty: the URL the
    /// request arrived at, which differs behind a proxy that rewrites the host or scheme.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The company property holding an organisation's pipeline stage.</summary>
    public string StageProperty { get; set; } = "lifecyclestage";

    /// <summary>The company property holding an organisation's email; empty: not mapped (companies have none).</summary>
    public string? EmailProperty { get; set; }

    /// <summary>A text or multiple-checkbox property (same internal name on companies, deals and contacts) holding the
    /// tags, separated by ';'. Empty: tags are not mapped, and writing a tag fails.</summary>
    public string? TagsProperty { get; set; }

    /// <summary>Other company properties read into an organisation's fields (e.g. montant_potentiel).</summary>
    public List<string> OrganisationFields { get; set; } = [];

    public List<string> DealFields { get; set; } = [];

    public List<string> PersonFields { get; set; } = [];

    /// <summary>Owner id -> the owner id of their manager (HubSpot owners have no manager).</summary>
    public Dictionary<string, string> Managers { get; set; } = [];

    /// <summary>How often the fallback poller searches for companies and deals modified since its checkpoint;
    /// 0 turns it off (webhooks only).</summary>
    public int PollIntervalSeconds { get; set; }

    /// <summary>Search pages (100 objects) one poll reads at most; the rest waits for the next poll.</summary>
    public int MaxPollPages { get; set; } = 20;
}
