using System.Text.Json.Nodes;
using Serverless.Connectors.Sandbox;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Zoho;

/// <summary>Zoho CRM in sandbox mode: search and get read <see cref="ZohoSandboxData"/> (search understands Zoho's
/// criteria through <see cref="ZohoCriteria"/>; a criteria Zoho would refuse fails as Validation), updates are
/// recorded and never change the data. Every call is recorded with the method, path and body the real one sends.
/// Records handed out are copies.</summary>
internal sealed class SandboxZohoCrmClient(SandboxRecorder recorder, ZohoSandboxData data, ZohoOptions options) : IZohoCrmClient
{
    private const string Connector = ZohoOptions.ConnectorName;

    public async Task<IReadOnlyList<ZohoRecord>> SearchAsync(string module, string criteria, int maxRecords, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(criteria);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecords);
        var path = ZohoCrmPayloads.Search(options.CrmApiVersion, module, criteria, 1, Math.Min(ZohoCrmPayloads.MaxPageSize, maxRecords));
        ZohoCriteria parsed;
        try
        {
            parsed = ZohoCriteria.Parse(criteria);
        }
        catch (FormatException e)
        {
            await recorder.RecordAsync(Connector, nameof(SearchAsync), Call("GET", path, null),
                new JsonObject { ["status"] = 400, ["code"] = "INVALID_QUERY", ["message"] = e.Message }, cancellationToken);
            throw new ActivityException(ErrorKinds.Validation, $"{ZohoOptions.CrmName} rejected the request (HTTP 400): {e.Message} [INVALID_QUERY]");
        }

        var found = Module(module).Values.Where(r => parsed.Matches(r.Fields)).OrderBy(r => r.Id, StringComparer.Ordinal)
            .Take(maxRecords).Select(Copy).ToList();
        var ids = new JsonArray(found.Select(r => (JsonNode?)JsonValue.Create(r.Id)).ToArray());
        await recorder.RecordAsync(Connector, nameof(SearchAsync), Call("GET", path, null), new JsonObject { ["count"] = found.Count, ["ids"] = ids },
            cancellationToken);
        return found;
    }

    public async Task<ZohoRecord?> GetAsync(string module, string id, CancellationToken cancellationToken)
    {
        var path = ZohoCrmPayloads.Record(options.CrmApiVersion, module, id);
        var record = Module(module).TryGetValue(id, out var found) ? Copy(found) : null;
        await recorder.RecordAsync(Connector, nameof(GetAsync), Call("GET", path, null),
            record is null ? new JsonObject { ["status"] = 204 } : new JsonObject { ["data"] = new JsonArray(record.Fields.DeepClone()) }, cancellationToken);
        return record;
    }

    public Task UpdateAsync(string module, string id, JsonObject fields, CancellationToken cancellationToken)
    {
        var path = ZohoCrmPayloads.Record(options.CrmApiVersion, module, id);
        var result = new JsonObject
        {
            ["data"] = new JsonArray(new JsonObject
            {
                ["code"] = "SUCCESS", ["details"] = new JsonObject { ["id"] = id }, ["message"] = "record updated", ["status"] = "success",
            }),
        };
        return recorder.RecordAsync(Connector, nameof(UpdateAsync), Call("PUT", path, ZohoCrmPayloads.UpdateBody(fields)), result, cancellationToken);
    }

    private IReadOnlyDictionary<string, ZohoRecord> Module(string module) =>
        data.Records.TryGetValue(module, out var records) ? records : new Dictionary<string, ZohoRecord>();

    private static ZohoRecord Copy(ZohoRecord record) => record with { Fields = (JsonObject)record.Fields.DeepClone() };

    private static JsonObject Call(string method, string path, JsonObject? body) =>
        new() { ["method"] = method, ["path"] = "/" + path, ["body"] = body };
}
