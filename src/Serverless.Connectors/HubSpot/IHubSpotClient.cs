namespace Serverless.Connectors.HubSpot;

/// <summary>The HubSpot CRM v3 calls the workflows use. Get one from IConnectorProvider&lt;IHubSpotClient&gt;.
/// Failures are ActivityExceptions (Unauthorized, RateLimited, Transient, Timeout, Validation, ...).</summary>
public interface IHubSpotClient
{
    /// <summary>POST /crm/v3/objects/contacts/search on email EQ; null when no contact has that email.</summary>
    Task<HubSpotContact?> FindContactByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>POST /crm/v3/objects/contacts. A 409 "Contact already exists. Existing ID: n" returns that contact,
    /// so a retried creation is safe.</summary>
    Task<HubSpotContact> CreateContactAsync(string email, string? firstName, string? lastName, CancellationToken cancellationToken);

    /// <summary>POST /crm/v3/objects/tickets with an association to the contact (HUBSPOT_DEFINED type 16). With
    /// Connectors:HubSpot:IdempotencyProperty set and request.IdempotencyKey given, it first runs
    /// POST /crm/v3/objects/tickets/search on that property EQ the key and returns the ticket found, so a retried
    /// creation is safe; the new ticket carries the key in that property.</summary>
    Task<HubSpotTicket> CreateTicketAsync(HubSpotTicketRequest request, CancellationToken cancellationToken);
}
