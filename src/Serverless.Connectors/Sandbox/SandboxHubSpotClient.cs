using System.Text.Json.Nodes;
using Serverless.Connectors.HubSpot;

namespace Serverless.Connectors.Sandbox;

/// <summary>HubSpot in sandbox mode: records the documented request it would have sent (no token) and answers like
/// HubSpot would for a fresh account: no contact found, created contact and ticket with deterministic fake ids.</summary>
internal sealed class SandboxHubSpotClient(SandboxRecorder recorder, HubSpotOptions options) : IHubSpotClient
{
    private const string Connector = HubSpotOptions.ConnectorName;

    public async Task<HubSpotContact?> FindContactByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await recorder.RecordAsync(Connector, nameof(FindContactByEmailAsync),
            Call("POST", "/crm/v3/objects/contacts/search", HubSpotPayloads.SearchByEmail(email)),
            new JsonObject { ["total"] = 0, ["results"] = new JsonArray() }, cancellationToken);
        return null;
    }

    public async Task<HubSpotContact> CreateContactAsync(string email, string? firstName, string? lastName, CancellationToken cancellationToken)
    {
        var contact = new HubSpotContact(SandboxIds.Numeric(recorder.Context.IdempotencyKey, $"hubspot-contact:{email}"), email, firstName, lastName);
        await recorder.RecordAsync(Connector, nameof(CreateContactAsync),
            Call("POST", "/crm/v3/objects/contacts", HubSpotPayloads.Contact(email, firstName, lastName)),
            new JsonObject { ["id"] = contact.Id }, cancellationToken);
        return contact;
    }

    public async Task<HubSpotTicket> CreateTicketAsync(HubSpotTicketRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = SandboxIds.Numeric(recorder.Context.IdempotencyKey, "hubspot-ticket");
        var ticket = new HubSpotTicket(id, options.TicketUrl(id));
        await recorder.RecordAsync(Connector, nameof(CreateTicketAsync),
            Call("POST", "/crm/v3/objects/tickets", HubSpotPayloads.Ticket(request, options)),
            new JsonObject { ["id"] = ticket.Id, ["url"] = ticket.Url }, cancellationToken);
        return ticket;
    }

    private static JsonObject Call(string method, string path, JsonObject body) =>
        new() { ["method"] = method, ["path"] = path, ["body"] = body };
}
