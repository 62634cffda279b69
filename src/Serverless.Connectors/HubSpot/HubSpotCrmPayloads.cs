using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Connectors.HubSpot;

/// <summary>The CRM v3 objects/search/owners bodies as HubSpot documents them.</summary>
internal static class HubSpotCrmPayloads
{
    public static JsonObject Properties(IReadOnlyDictionary<string, string?> properties)
    {
        var body = new JsonObject();
        foreach (var (name, value) in properties)
        {
            body[name] = value;
        }

        return new JsonObject { ["properties"] = body };
    }

    public static JsonObject Search(HubSpotSearch search)
    {
        var body = new JsonObject
        {
            ["filterGroups"] = search.Filters.Count == 0
                ? new JsonArray()
                : new JsonArray(new JsonObject
                {
                    ["filters"] = new JsonArray([.. search.Filters.Select(f => (JsonNode)new JsonObject
                    {
                        ["propertyName"] = f.PropertyName, ["operator"] = f.Operator, ["value"] = f.Value,
                    })]),
                }),
            ["properties"] = new JsonArray([.. search.Properties.Select(p => (JsonNode)JsonValue.Create(p))]),
            ["limit"] = Math.Clamp(search.Limit, 1, 200),
        };
        if (search.SortAscendingBy is { } sort)
        {
            body["sorts"] = new JsonArray(new JsonObject { ["propertyName"] = sort, ["direction"] = "ASCENDING" });
        }

        if (search.After is { } after)
        {
            body["after"] = after;
        }

        return body;
    }

    public static HubSpotCrmPage ReadPage(JsonNode answer) => new(
        answer["results"] is JsonArray results ? [.. results.Select(r => ReadObject(r!))] : [],
        answer["paging"]?["next"]?["after"] is JsonValue after ? Text(after) : null,
        answer["total"] is JsonValue total && total.TryGetValue<int>(out var n) ? n : 0);

    public static HubSpotCrmObject ReadObject(JsonNode node)
    {
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (node["properties"] is JsonObject values)
        {
            foreach (var (name, value) in values)
            {
                properties[name] = value is JsonValue v ? Text(v) : value?.ToJsonString();
            }
        }

        var associations = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (node["associations"] is JsonObject links)
        {
            foreach (var (type, list) in links)
            {
                // A labelled association comes once per label: keep each id once, in HubSpot's order.
                associations[type] = list?["results"] is JsonArray items
                    ? [.. items.Select(i => i?["id"] is JsonValue id ? Text(id) : null).OfType<string>().Distinct(StringComparer.Ordinal)]
                    : [];
            }
        }

        return new HubSpotCrmObject(HubSpotPayloads.IdOf(node), properties, Time(node["createdAt"]), Time(node["updatedAt"]))
        {
            Archived = node["archived"] is JsonValue a && a.TryGetValue<bool>(out var archived) && archived,
            Associations = associations,
        };
    }

    public static HubSpotOwner ReadOwner(JsonNode node) => new(
        HubSpotPayloads.IdOf(node),
        node["email"] is JsonValue e ? Text(e) : null,
        node["firstName"] is JsonValue f ? Text(f) : null,
        node["lastName"] is JsonValue l ? Text(l) : null,
        Time(node["createdAt"]),
        Time(node["updatedAt"]));

    /// <summary>HubSpot writes values as strings; tolerate numbers and booleans.</summary>
    private static string? Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Null => null,
        _ => value.ToJsonString(),
    };

    private static DateTimeOffset Time(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s)
        && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : DateTimeOffset.UnixEpoch;
}
