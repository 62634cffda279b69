using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Engine.Expressions;

/// <summary>Type-aware equality and ordering of JSON values, as conditions use them.</summary>
public static class JsonValues
{
    /// <summary>Numbers by value (a numeric string equals the number), ISO 8601 dates by instant, strings ordinally,
    /// booleans, null (missing equals null), arrays element by element, objects property by property.</summary>
    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        var kindA = JsonText.KindOf(a);
        var kindB = JsonText.KindOf(b);
        if (kindA == JsonValueKind.Null || kindB == JsonValueKind.Null)
        {
            return kindA == kindB;
        }

        return (a, b) switch
        {
            (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(pair => AreEqual(pair.First, pair.Second)),
            (JsonObject x, JsonObject y) => x.Count == y.Count
                && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && AreEqual(p.Value, other)),
            (JsonArray or JsonObject, _) or (_, JsonArray or JsonObject) => false,
            _ => CompareScalars(a!, b!) == 0,
        };
    }

    /// <summary>Ordering of compatible values (numbers, dates, strings, booleans): negative, zero or positive.
    /// Null when they cannot be ordered (null, arrays, objects, or different kinds), so the comparison is false.</summary>
    public static int? Compare(JsonNode? a, JsonNode? b)
    {
        if (a is null or JsonArray or JsonObject || b is null or JsonArray or JsonObject
            || JsonText.KindOf(a) == JsonValueKind.Null || JsonText.KindOf(b) == JsonValueKind.Null)
        {
            return null;
        }

        return CompareScalars(a, b);
    }

    private static int? CompareScalars(JsonNode a, JsonNode b)
    {
        var oneIsNumber = JsonText.KindOf(a) == JsonValueKind.Number || JsonText.KindOf(b) == JsonValueKind.Number;
        if (oneIsNumber)
        {
            return JsonText.TryGetNumberText(a, allowString: true, out var x) && JsonText.TryGetNumberText(b, allowString: true, out var y)
                ? Math.Sign(JsonText.CompareNumbers(x, y))
                : null;
        }

        if (JsonText.TryGetString(a, out var left) && JsonText.TryGetString(b, out var right))
        {
            return IsoDates.TryParse(left, out var da) && IsoDates.TryParse(right, out var db)
                ? Math.Sign(da.CompareTo(db))
                : Math.Sign(string.CompareOrdinal(left, right));
        }

        return IsBoolean(a, out var p) && IsBoolean(b, out var q) ? p.CompareTo(q) : null;
    }

    private static bool IsBoolean(JsonNode node, out bool value)
    {
        value = JsonText.KindOf(node) == JsonValueKind.True;
        return JsonText.KindOf(node) is JsonValueKind.True or JsonValueKind.False;
    }
}
