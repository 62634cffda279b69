using Serverless.Connectors.Resilience;

namespace Serverless.Connectors.Zoho;

/// <summary>Zoho Desk and Zoho CRM settings, bound from "Connectors:Zoho". One OAuth client (a self client of the Zoho
/// API console) serves both APIs. Without ClientId, ClientSecret and RefreshToken: the sandbox answers instead.</summary>
public sealed class ZohoOptions
{
    public const string SectionName = "Connectors:Zoho";

    /// <summary>Names the connector in alerts ("Connectors:Zoho" is what to fix) and the resilience logs.</summary>
    public const string ConnectorName = "Zoho";

    /// <summary>Names the APIs in error messages, so a failed step tells which one refused it.</summary>
    public const string DeskName = "Zoho Desk";
    public const string CrmName = "Zoho CRM";

    /// <summary>The HttpClients (each with its own resilience pipeline, circuit and rate limiter).</summary>
    public const string DeskClientName = "Zoho.Desk";
    public const string CrmClientName = "Zoho.Crm";
    public const string TokenClientName = "Zoho.OAuth";

    public const string DefaultDataCenter = "com";

    /// <summary>Where the account lives: com (US), eu, in, com.au, jp, ca, sa, com.cn, uk. It decides the hosts of the
    /// token endpoint, Desk and CRM; a refresh token only works in the data centre that made it.</summary>
    public string DataCenter { get; set; } = DefaultDataCenter;

    /// <summary>The self client's Client ID (1000.XXXX...).</summary>
    public string? ClientId { get; set; }

    /// <summary>Secret: the self client's Client Secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Secret: a refresh token made for the self client (scopes Desk.tickets.ALL, Desk.basic.READ,
    /// ZohoCRM.modules.ALL). It does not expire, but can be revoked.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>The Zoho Desk organisation id, sent as the orgId header (Desk: Setup > Developer Space > API).
    /// Required with the credentials.</summary>
    public string? OrgId { get; set; }

    /// <summary>Overrides of the data centre's hosts (tests and fakes). Empty: derived from <see cref="DataCenter"/>;
    /// the CRM host then comes from the token answer's api_domain when Zoho sends one.</summary>
    public string? AccountsBaseAddress { get; set; }

    public string? DeskBaseAddress { get; set; }

    public string? CrmBaseAddress { get; set; }

    /// <summary>The CRM REST API version in paths: /crm/{version}/...</summary>
    public string CrmApiVersion { get; set; } = "v7";

    /// <summary>Zoho meters API credits per organisation per day (by edition) and caps concurrent calls per edition
    /// (Desk: Setup > Developer Space > APIs shows both); bursts past that answer 429. 10 at once, then 10 a second,
    /// keeps one process well inside the smallest caps while a batch of a few hundred tickets still runs in a minute
    /// or two. It applies to Desk and CRM separately (each has its own bucket), per access token.</summary>
    public ConnectorRateLimit RateLimit { get; set; } = new() { PermitLimit = 10, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(RefreshToken);

    /// <summary>The token endpoint's origin: the override, else the data centre's accounts host.</summary>
    public string AccountsAddress => Override(AccountsBaseAddress) ?? Hosts().Accounts;

    /// <summary>The Desk API's origin: the override, else the data centre's desk host.</summary>
    public string DeskAddress => Override(DeskBaseAddress) ?? Hosts().Desk;

    /// <summary>The CRM API's origin: the override, else the api_domain of the token answer, else the data centre's
    /// zohoapis host.</summary>
    public string CrmAddress(string? apiDomain) => Override(CrmBaseAddress) ?? Override(apiDomain) ?? Hosts().Crm;

    private ZohoDataCenters.Hosts Hosts() =>
        ZohoDataCenters.Find(DataCenter) ?? throw new InvalidOperationException(ZohoDataCenters.Problem(DataCenter));

    private static string? Override(string? address) => string.IsNullOrWhiteSpace(address) ? null : address.TrimEnd('/');
}
