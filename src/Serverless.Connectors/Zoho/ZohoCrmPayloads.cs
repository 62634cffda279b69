using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Zoho;

/// <summary>Zoho CRM REST paths (crm/{version}/...), bodies and answers; shared by the real client and the sandbox
/// record.</summary>
internal static class ZohoCrmPayloads
{
    /// <summary>Zoho's largest search page.</summary>
    public const int MaxPageSize = 200;

    public static string Search(string version, string module, string criteria, int page, int perPage) =>
        $"crm/{version}/{Module(module)}/search?criteria={Uri.EscapeDataString(criteria)}"
        + $"&page={page.ToString(CultureInfo.InvariantCulture)}&per_page={perPage.ToString(CultureInfo.InvariantCulture)}";

    public static string Record(string version, string module, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return $"crm/{version}/{Module(module)}/{Uri.EscapeDataString(id)}";
    }

    public static JsonObject UpdateBody(JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new JsonObject { ["data"] = new JsonArray(fields.DeepClone()) };
    }

    public static IEnumerable<ZohoRecord> Records(JsonNode? answer) =>
        ((answer?["data"] as JsonArray)?.OfType<JsonObject>() ?? []).Select(ReadRecord);

    /// <summary>The record's fields are a copy: the answer's tree is not shared.</summary>
    public static ZohoRecord ReadRecord(JsonObject record) =>
        new(ZohoDeskPayloads.Text(record["id"]) ?? throw new ActivityException(ErrorKinds.Permanent, $"{ZohoOptions.CrmName} answered a record without an id."),
            (JsonObject)record.DeepClone());

    public static bool MoreRecords(JsonNode? answer) => answer?["info"]?["more_records"] is JsonValue v && v.TryGetValue<bool>(out var more) && more;

    /// <summary>The failure of data[0] when its status is "error"; null when the record was written.</summary>
    public static ActivityException? UpdateError(JsonNode? answer, string module, string id)
    {
        if (answer?["data"] is not JsonArray { Count: > 0 } data || data[0] is not JsonObject result
            || !string.Equals(ZohoDeskPayloads.Text(result["status"]), "error", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var code = ZohoDeskPayloads.Text(result["code"]) ?? "ERROR";
        var field = ZohoDeskPayloads.Text(result["details"]?["api_name"]);
        var kind = code switch
        {
            "DUPLICATE_DATA" or "RECORD_LOCKED" => ErrorKinds.Conflict,
            "INVALID_DATA" when field == "id" => ErrorKinds.NotFound,
            "NO_PERMISSION" or "OAUTH_SCOPE_MISMATCH" => ErrorKinds.Unauthorized,
            _ => ErrorKinds.Validation,
        };
        var message = ZohoDeskPayloads.Text(result["message"]) ?? "no message";
        return new ActivityException(kind,
            $"{ZohoOptions.CrmName} refused the update of {module} {id}: {message} [{code}]" + (field is null ? "" : $" (field {field})"));
    }

    private static string Module(string module)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        return Uri.EscapeDataString(module);
    }
}
