using Serverless.Connectors.Resilience;

namespace Serverless.Connectors.HubSpot;

/// <summary>HubSpot CRM settings, bound from "Connectors:HubSpot". No AccessToken: the sandbox answers instead.</summary>
public sealed class HubSpotOptions
{
    public const string SectionName = "Connectors:HubSpot";
    public const string ConnectorName = "HubSpot";

    public string BaseAddress { get; set; } = "https://api.hubapi.com";

    /// <summary>Secret: a private app access token (scopes crm.objects.contacts.read/write, tickets), sent as Bearer.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The HubSpot account (portal/hub) id; ticket URLs are built from it. Required with AccessToken.</summary>
    public string? PortalId { get; set; }

    /// <summary>Where people open records (EU accounts: https://app-eu1.hubspot.com).</summary>
    public string AppBaseAddress { get; set; } = "https://app.hubspot.com";

    /// <summary>Ticket pipeline id ("0" is the default support pipeline).</summary>
    public string PipelineId { get; set; } = "0";

    /// <summary>Ticket status (pipeline stage) id for new tickets ("1" is "New" in the default pipeline).</summary>
    public string PipelineStageId { get; set; } = "1";

    /// <summary>Internal name of the custom ticket property holding the request type (SUPPORT | MODELISATION); empty: not sent.</summary>
    public string? TypeProperty { get; set; }

    /// <summary>Internal name of the custom ticket property holding the source form; empty: not sent.</summary>
    public string? SourceProperty { get; set; }

    /// <summary>Internal name of the custom ticket property holding "reclassified" (true/false); empty: not sent.</summary>
    public string? ReclassifiedProperty { get; set; }

    /// <summary>Internal name of a custom single-line text ticket property that holds the activity's idempotency key.
    /// When set, ticket creation first searches for a ticket carrying the key and returns it, so a retried step does
    /// not create a second ticket. Empty: no search, and a step retried after a crash mid-call can duplicate the ticket.</summary>
    public string? IdempotencyProperty { get; set; }

    /// <summary>HubSpot's search API allows about 5 requests per second per account: stay under it.</summary>
    public ConnectorRateLimit RateLimit { get; set; } = new() { PermitLimit = 4, TokensPerPeriod = 4, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccessToken);

    /// <summary>The record page of a ticket in the HubSpot app (object type 0-5 is tickets).</summary>
    public string TicketUrl(string ticketId) =>
        $"{AppBaseAddress.TrimEnd('/')}/contacts/{(string.IsNullOrWhiteSpace(PortalId) ? "0" : PortalId)}/record/0-5/{ticketId}";
}
