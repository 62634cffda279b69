using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Engine.Expressions;

/// <summary>Reading JSON values as text and numbers, independent of how the node was built
/// (parsed JsonElement or CLR value).</summary>
internal static class JsonText
{
    // Relaxed escaping keeps accented text ("Société") readable in rendered messages.
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>Mixed-text form: null -> "", strings as-is, numbers invariant, booleans true/false, else compact JSON.</summary>
    public static string ToText(JsonNode? node) => TryGetString(node, out var text) ? text : node is null ? "" : ToJson(node);

    public static string ToJson(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static bool TryGetString(JsonNode? node, out string text)
    {
        text = "";
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        if (!value.TryGetValue(out string? direct))
        {
            using var document = JsonDocument.Parse(value.ToJsonString());
            direct = document.RootElement.GetString();
        }

        text = direct ?? "";
        return true;
    }

    /// <summary>The numeric text of a JSON number, or of a string when <paramref name="allowString"/> and it reads as a number.</summary>
    public static bool TryGetNumberText(JsonNode? node, bool allowString, out string text)
    {
        text = "";
        switch (KindOf(node))
        {
            case JsonValueKind.Number:
                text = node!.ToJsonString();
                return true;
            case JsonValueKind.String when allowString && TryGetString(node, out var s) && IsNumber(s):
                text = s;
                return true;
            default:
                return false;
        }
    }

    private const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static bool IsNumber(string text) =>
        decimal.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out _)
        || (double.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d));

    /// <summary>Compares two numeric texts: exactly as decimals when both fit, else as doubles.</summary>
    public static int CompareNumbers(string left, string right)
    {
        if (decimal.TryParse(left, NumberStyle, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(right, NumberStyle, CultureInfo.InvariantCulture, out var b))
        {
            return a.CompareTo(b);
        }

        var x = double.Parse(left, NumberStyle, CultureInfo.InvariantCulture);
        var y = double.Parse(right, NumberStyle, CultureInfo.InvariantCulture);
        return x.CompareTo(y);
    }
}
