using System.Text.Json.Nodes;

namespace Serverless.Connectors.Zoho;

/// <summary>The Zoho CRM API calls the helpdesk batch makes (records API, version Connectors:Zoho:CrmApiVersion).
/// Get one from IConnectorProvider&lt;IZohoCrmClient&gt;.</summary>
public interface IZohoCrmClient
{
    /// <summary>GET /crm/{version}/{module}/search?criteria=... every page (per_page 200, or maxRecords when that is
    /// smaller; while info.more_records), at most <paramref name="maxRecords"/> (at least 1). 204 (nothing found): an
    /// empty list. The criteria go as written: escape (, ) and , inside values with a backslash.</summary>
    Task<IReadOnlyList<ZohoRecord>> SearchAsync(string module, string criteria, int maxRecords, CancellationToken cancellationToken);

    /// <summary>GET /crm/{version}/{module}/{id}; null when Zoho answers 204 or 404 (no such record).</summary>
    Task<ZohoRecord?> GetAsync(string module, string id, CancellationToken cancellationToken);

    /// <summary>PUT /crm/{version}/{module}/{id} with {"data":[fields]}; a per-record error in the answer
    /// (data[0].status "error") fails with its code and message.</summary>
    Task UpdateAsync(string module, string id, JsonObject fields, CancellationToken cancellationToken);
}
