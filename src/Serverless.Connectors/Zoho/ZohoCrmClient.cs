using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Resilience;

namespace Serverless.Connectors.Zoho;

/// <summary>The real Zoho CRM connector: a typed HttpClient (shared resilience handler) on
/// {crm}/crm/{CrmApiVersion}/..., where {crm} is Connectors:Zoho:CrmBaseAddress, else the token's api_domain, else
/// the data centre's zohoapis host. It shares the access token with Zoho Desk.</summary>
internal sealed class ZohoCrmClient(HttpClient http, ZohoAccessTokenSource tokens, IOptionsMonitor<ZohoOptions> options, TimeProvider time)
    : IZohoCrmClient
{
    public async Task<IReadOnlyList<ZohoRecord>> SearchAsync(string module, string criteria, int maxRecords, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(criteria);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecords);
        var version = options.CurrentValue.CrmApiVersion;
        var perPage = Math.Min(ZohoCrmPayloads.MaxPageSize, maxRecords);
        var records = new List<ZohoRecord>();
        for (var page = 1; ; page++)
        {
            var answer = await SendAsync(HttpMethod.Get, ZohoCrmPayloads.Search(version, module, criteria, page, perPage), null, cancellationToken);
            records.AddRange(ZohoCrmPayloads.Records(answer));
            if (records.Count >= maxRecords)
            {
                return records.GetRange(0, maxRecords);
            }

            if (!ZohoCrmPayloads.MoreRecords(answer))
            {
                return records;
            }
        }
    }

    public async Task<ZohoRecord?> GetAsync(string module, string id, CancellationToken cancellationToken)
    {
        var path = ZohoCrmPayloads.Record(options.CurrentValue.CrmApiVersion, module, id);
        var answer = await ZohoAuthorizedCall.SendAsync(http, tokens, token => Request(HttpMethod.Get, path, token, null), async response =>
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            await HttpFailures.EnsureSuccessAsync(response, ZohoOptions.CrmName, time, cancellationToken);
            return await ZohoAuthorizedCall.ReadJsonAsync(response, ZohoOptions.CrmName, cancellationToken);
        }, cancellationToken);
        return ZohoCrmPayloads.Records(answer).FirstOrDefault();
    }

    public async Task UpdateAsync(string module, string id, JsonObject fields, CancellationToken cancellationToken)
    {
        var path = ZohoCrmPayloads.Record(options.CurrentValue.CrmApiVersion, module, id);
        var body = ZohoCrmPayloads.UpdateBody(fields);
        await ZohoAuthorizedCall.SendAsync(http, tokens, token => Request(HttpMethod.Put, path, token, body), async response =>
        {
            // A refused record comes back in data[0] (Zoho answers it with 200, 202 or 400): its code says why.
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (ZohoCrmPayloads.UpdateError(TryParse(text), module, id) is { } refused)
            {
                throw refused;
            }

            await HttpFailures.EnsureSuccessAsync(response, ZohoOptions.CrmName, time, cancellationToken);
            return true;
        }, cancellationToken);
    }

    private Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken) =>
        ZohoAuthorizedCall.SendAsync(http, tokens, token => Request(method, path, token, body), async response =>
        {
            await HttpFailures.EnsureSuccessAsync(response, ZohoOptions.CrmName, time, cancellationToken);
            return await ZohoAuthorizedCall.ReadJsonAsync(response, ZohoOptions.CrmName, cancellationToken);
        }, cancellationToken);

    private HttpRequestMessage Request(HttpMethod method, string path, ZohoAccessToken token, JsonObject? body) =>
        ZohoAuthorizedCall.Request(method, $"{options.CurrentValue.CrmAddress(token.ApiDomain)}/{path}", token, body);

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
