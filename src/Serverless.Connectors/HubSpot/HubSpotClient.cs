using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Resilience;

namespace Serverless.Connectors.HubSpot;

/// <summary>The real HubSpot connector: a typed HttpClient (base address from settings, shared resilience handler).
/// The token is read per request, so a rotated token is used without a restart.</summary>
public sealed partial class HubSpotClient(HttpClient http, IOptionsMonitor<HubSpotOptions> options, TimeProvider time) : IHubSpotClient
{
    private const string Json = "application/json";

    public async Task<HubSpotContact?> FindContactByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var answer = await PostAsync("crm/v3/objects/contacts/search", HubSpotPayloads.SearchByEmail(email), cancellationToken);
        return answer["results"] is JsonArray { Count: > 0 } results ? HubSpotPayloads.ReadContact(results[0]!, email) : null;
    }

    public async Task<HubSpotContact> CreateContactAsync(string email, string? firstName, string? lastName, CancellationToken cancellationToken)
    {
        using var request = Request("crm/v3/objects/contacts", HubSpotPayloads.Contact(email, firstName, lastName));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (ExistingId().Match(body) is { Success: true } existing)
            {
                return new HubSpotContact(existing.Groups[1].Value, email, firstName, lastName);
            }
        }

        return HubSpotPayloads.ReadContact(await ReadAsync(response, cancellationToken), email);
    }

    public async Task<HubSpotTicket> CreateTicketAsync(HubSpotTicketRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.CurrentValue;
        if (HubSpotPayloads.IdempotencySearch(request, settings) is { } search)
        {
            var found = await PostAsync("crm/v3/objects/tickets/search", search, cancellationToken);
            if (found["results"] is JsonArray { Count: > 0 } results)
            {
                var existing = HubSpotPayloads.IdOf(results[0]);
                return new HubSpotTicket(existing, settings.TicketUrl(existing));
            }
        }

        var answer = await PostAsync("crm/v3/objects/tickets", HubSpotPayloads.Ticket(request, settings), cancellationToken);
        var id = HubSpotPayloads.IdOf(answer);
        return new HubSpotTicket(id, settings.TicketUrl(id));
    }

    private async Task<JsonNode> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = Request(path, body);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private async Task<JsonNode> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await HttpFailures.EnsureSuccessAsync(response, HubSpotOptions.ConnectorName, time, cancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) ?? new JsonObject();
    }

    private HttpRequestMessage Request(string path, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Json));
        return request;
    }

    [GeneratedRegex(@"Existing ID:\s*(\d+)")]
    private static partial Regex ExistingId();
}
