using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Resilience;

namespace Serverless.Connectors.HubSpot;

/// <summary>The real <see cref="IHubSpotCrmClient"/>. It takes each request's HttpClient from the factory under the
/// connector's name, so it runs through the same base address, resilience pipeline and per-token rate limiter as
/// <see cref="HubSpotClient"/>, and can be held by a singleton (the CRM store) without pinning a handler.</summary>
public sealed class HubSpotCrmClient(IHttpClientFactory factory, IOptionsMonitor<HubSpotOptions> options, TimeProvider time) : IHubSpotCrmClient
{
    private const string Json = "application/json";
    private const int PageSize = 100;

    public async Task<HubSpotCrmObject?> GetAsync(string objectType, string id, IReadOnlyCollection<string> properties,
        IReadOnlyCollection<string> associations, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, $"crm/v3/objects/{objectType}/{Uri.EscapeDataString(id)}?{Query(properties, associations)}",
            null, missingIsNull: true, cancellationToken);
        return answer is null ? null : HubSpotCrmPayloads.ReadObject(answer);
    }

    public async Task<HubSpotCrmPage> ListAsync(string objectType, IReadOnlyCollection<string> properties, IReadOnlyCollection<string> associations,
        string? after, CancellationToken cancellationToken)
    {
        var query = $"limit={PageSize}&{Query(properties, associations)}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
        var answer = await SendAsync(HttpMethod.Get, $"crm/v3/objects/{objectType}?{query}", null, missingIsNull: false, cancellationToken);
        return HubSpotCrmPayloads.ReadPage(answer!);
    }

    public async Task<HubSpotCrmObject> CreateAsync(string objectType, IReadOnlyDictionary<string, string?> properties, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Post, $"crm/v3/objects/{objectType}", HubSpotCrmPayloads.Properties(properties), missingIsNull: false, cancellationToken);
        return HubSpotCrmPayloads.ReadObject(answer!);
    }

    public async Task<HubSpotCrmObject?> UpdateAsync(string objectType, string id, IReadOnlyDictionary<string, string?> properties, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Patch, $"crm/v3/objects/{objectType}/{Uri.EscapeDataString(id)}",
            HubSpotCrmPayloads.Properties(properties), missingIsNull: true, cancellationToken);
        return answer is null ? null : HubSpotCrmPayloads.ReadObject(answer);
    }

    public async Task<bool> ArchiveAsync(string objectType, string id, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, $"crm/v3/objects/{objectType}/{Uri.EscapeDataString(id)}", null, missingIsNull: true, cancellationToken) is not null;

    public async Task<HubSpotCrmPage> SearchAsync(string objectType, HubSpotSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var answer = await SendAsync(HttpMethod.Post, $"crm/v3/objects/{objectType}/search", HubSpotCrmPayloads.Search(search), missingIsNull: false, cancellationToken);
        return HubSpotCrmPayloads.ReadPage(answer!);
    }

    public Task AssociateAsync(string fromType, string fromId, string toType, string toId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put,
            $"crm/v4/objects/{fromType}/{Uri.EscapeDataString(fromId)}/associations/default/{toType}/{Uri.EscapeDataString(toId)}",
            null, missingIsNull: false, cancellationToken);

    public Task RemoveAssociationAsync(string fromType, string fromId, string toType, string toId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete,
            $"crm/v4/objects/{fromType}/{Uri.EscapeDataString(fromId)}/associations/{toType}/{Uri.EscapeDataString(toId)}",
            null, missingIsNull: true, cancellationToken);

    public async Task<IReadOnlyList<HubSpotOwner>> ListOwnersAsync(CancellationToken cancellationToken)
    {
        var owners = new List<HubSpotOwner>();
        string? after = null;
        do
        {
            var answer = await SendAsync(HttpMethod.Get, $"crm/v3/owners?limit={PageSize}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"),
                null, missingIsNull: false, cancellationToken);
            if (answer?["results"] is JsonArray results)
            {
                owners.AddRange(results.Select(r => HubSpotCrmPayloads.ReadOwner(r!)));
            }

            after = answer?["paging"]?["next"]?["after"]?.GetValue<string>();
        }
        while (after is not null);

        return owners;
    }

    public async Task<HubSpotOwner?> GetOwnerAsync(string id, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, $"crm/v3/owners/{Uri.EscapeDataString(id)}", null, missingIsNull: true, cancellationToken);
        return answer is null ? null : HubSpotCrmPayloads.ReadOwner(answer);
    }

    private static string Query(IReadOnlyCollection<string> properties, IReadOnlyCollection<string> associations)
    {
        var query = $"properties={Uri.EscapeDataString(string.Join(',', properties))}&archived=false";
        return associations.Count == 0 ? query : $"{query}&associations={Uri.EscapeDataString(string.Join(',', associations))}";
    }

    /// <summary>The answer's JSON (an empty object for a 204); null for a 404 when <paramref name="missingIsNull"/>.</summary>
    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, bool missingIsNull, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, Json);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Json));
        using var response = await factory.CreateClient(HubSpotOptions.ConnectorName).SendAsync(request, cancellationToken);
        if (missingIsNull && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await HttpFailures.EnsureSuccessAsync(response, HubSpotOptions.ConnectorName, time, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
    }
}
