using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Crm.Data;

namespace Serverless.Crm.Api.Data;

/// <summary>What a property's JSON value may be.</summary>
internal enum CrmValueKind
{
    Text,
    Email,
    Number,
    Tags,
    Timestamp,
    Choice,
    Reference,
    EntityRef,
}

/// <summary>One named, writable property of a CRM record as the REST API reads it: its snake_case name, the kind of
/// value, whether it is required, and for a reference which record type its id names.</summary>
internal sealed record CrmProperty(string Name, CrmValueKind Kind)
{
    private const int MaxTextLength = 10_000;

    public bool Required { get; init; }

    /// <summary>The accepted values of a <see cref="CrmValueKind.Choice"/> (case ignored, stored as written here).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>For a <see cref="CrmValueKind.Reference"/>: the resource whose id it holds.</summary>
    public string? References { get; init; }

    /// <summary>Missing on a creation: the store's clock (an activity's at); missing on a replace: kept.</summary>
    public bool DefaultsToNow { get; init; }

    /// <summary>The value as stored (ids as strings, choices canonical, timestamps ISO 8601), or null with the
    /// problems added to <paramref name="problems"/> under their JSON paths.</summary>
    public JsonNode? Normalize(JsonNode node, string path, CrmProblems problems) => Kind switch
    {
        CrmValueKind.Text => Text(node, path, problems, Required),
        CrmValueKind.Email => Email(node, path, problems),
        CrmValueKind.Number => Number(node, path, problems),
        CrmValueKind.Tags => Tags(node, path, problems),
        CrmValueKind.Timestamp => Timestamp(node, path, problems),
        CrmValueKind.Choice => Choice(node, path, problems),
        CrmValueKind.Reference => Id(node, path, problems),
        CrmValueKind.EntityRef => EntityRef(node, path, problems),
        _ => throw new InvalidOperationException($"Unknown kind {Kind}."),
    };

    private static JsonNode? Text(JsonNode node, string path, CrmProblems problems, bool required)
    {
        if (node.GetValueKind() != JsonValueKind.String)
        {
            problems.Add(path, $"must be a string (was {Describe(node)}).");
            return null;
        }

        var text = node.GetValue<string>();
        if (required && string.IsNullOrWhiteSpace(text))
        {
            problems.Add(path, "required: must not be empty.");
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            problems.Add(path, $"must be at most {MaxTextLength} characters (was {text.Length}).");
            return null;
        }

        return JsonValue.Create(text);
    }

    private JsonNode? Email(JsonNode node, string path, CrmProblems problems)
    {
        if (Text(node, path, problems, Required) is not { } value)
        {
            return null;
        }

        var text = value.GetValue<string>();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == text.Length - 1 || text.Any(char.IsWhiteSpace))
        {
            problems.Add(path, $"must be an email address such as lea@example.com (was \"{text}\").");
            return null;
        }

        return value;
    }

    private static JsonNode? Number(JsonNode node, string path, CrmProblems problems)
    {
        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<decimal>(out var number))
        {
            problems.Add(path, $"must be a number (was {Describe(node)}).");
            return null;
        }

        return JsonValue.Create(number);
    }

    private static JsonNode? Tags(JsonNode node, string path, CrmProblems problems)
    {
        if (node is not JsonArray array)
        {
            problems.Add(path, $"must be an array of strings such as [\"vip\"] (was {Describe(node)}).");
            return null;
        }

        var tags = new List<string>();
        var valid = true;
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not { } item || Text(item, $"{path}[{i}]", problems, required: true) is not { } tag)
            {
                if (array[i] is null)
                {
                    problems.Add($"{path}[{i}]", "must be a string (was null).");
                }

                valid = false;
                continue;
            }

            var text = tag.GetValue<string>().Trim();
            if (!tags.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(text);
            }
        }

        return valid ? new JsonArray([.. tags.Select(t => (JsonNode)JsonValue.Create(t))]) : null;
    }

    private static JsonNode? Timestamp(JsonNode node, string path, CrmProblems problems)
    {
        // The JSON reader's ISO 8601 check (no "12/31/2026"), then the value with no offset read as UTC, not local time.
        if (node.GetValueKind() == JsonValueKind.String && node.AsValue().TryGetValue<DateTimeOffset>(out _)
            && DateTimeOffset.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return JsonValue.Create(at);
        }

        problems.Add(path, $"must be an ISO 8601 date or time such as 2026-12-31 or 2026-12-31T09:00:00Z (was {Describe(node)}).");
        return null;
    }

    private JsonNode? Choice(JsonNode node, string path, CrmProblems problems)
    {
        var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
        if (Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)) is { } choice)
        {
            return JsonValue.Create(choice);
        }

        problems.Add(path, $"must be one of {string.Join(", ", Choices)} (was {Describe(node)}).");
        return null;
    }

    /// <summary>An id as the store keeps it: a string; the seed's integer ids (a JSON number) are accepted.</summary>
    internal static JsonNode? Id(JsonNode node, string path, CrmProblems problems)
    {
        if (node.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(node.GetValue<string>()))
        {
            return JsonValue.Create(node.GetValue<string>());
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out var number) && number > 0)
        {
            return JsonValue.Create(number.ToString(CultureInfo.InvariantCulture));
        }

        problems.Add(path, $"must be an id: a non-empty string or a positive whole number (was {Describe(node)}).");
        return null;
    }

    private static JsonNode? EntityRef(JsonNode node, string path, CrmProblems problems)
    {
        if (node is not JsonObject entity)
        {
            problems.Add(path, $"must be an object {{\"type\": \"organisation\" | \"deal\" | \"person\", \"id\": ...}} (was {Describe(node)}).");
            return null;
        }

        foreach (var name in entity.Select(p => p.Key).Where(k => k is not ("type" or "id")))
        {
            problems.Add($"{path}.{name}", "is not a property of an entity reference; use type and id.");
        }

        var typeNode = entity["type"];
        var typeText = typeNode?.GetValueKind() == JsonValueKind.String ? typeNode.GetValue<string>() : null;
        var type = CrmEntityTypes.All.FirstOrDefault(t => string.Equals(t, typeText, StringComparison.OrdinalIgnoreCase));
        if (type is null)
        {
            problems.Add($"{path}.type", typeNode is null
                ? "required: one of organisation, deal, person."
                : $"must be one of organisation, deal, person (was {Describe(typeNode)}).");
        }

        JsonNode? id = null;
        if (entity["id"] is not { } idNode)
        {
            problems.Add($"{path}.id", "required: the id of the organisation, deal or person.");
        }
        else
        {
            id = Id(idNode, $"{path}.id", problems);
        }

        return type is null || id is null ? null : new JsonObject { ["type"] = type, ["id"] = id };
    }

    internal static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => JsonSerializer.Serialize(Shorten(node.GetValue<string>())),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => node.ToJsonString(),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
