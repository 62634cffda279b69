using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Engine.Expressions;

/// <summary>Applies one filter. Null flows through text filters unchanged so that <c>| default: 'x'</c> can follow.</summary>
internal static class Filters
{
    public static JsonNode? Apply(string expression, FilterCall call, JsonNode? input, Func<Operand, JsonNode?> evaluate)
    {
        JsonNode? Arg(int index) => evaluate(call.Args[index]);
        return call.Name switch
        {
            FilterCatalog.Default => IsBlank(input) ? Arg(0) : input,
            FilterCatalog.Lower => MapText(input, t => t.ToLowerInvariant()),
            FilterCatalog.Upper => MapText(input, t => t.ToUpperInvariant()),
            FilterCatalog.Trim => MapText(input, t => t.Trim()),
            FilterCatalog.Truncate => MapText(input, t => Truncate(t,
                FilterCatalog.ReadLength(expression, Arg(0)),
                call.Args.Count > 1 ? JsonText.ToText(Arg(1)) : "…")),
            FilterCatalog.Json => JsonValue.Create(JsonText.ToJson(input)),
            FilterCatalog.Length => JsonValue.Create(LengthOf(input)),
            FilterCatalog.Join => Join(input, call.Args.Count > 0 ? JsonText.ToText(Arg(0)) : ", "),
            FilterCatalog.Date => FormatDate(expression, input, FilterCatalog.ReadFormat(expression, Arg(0))),
            FilterCatalog.AddTime => AddTime(expression, input, FilterCatalog.ReadShift(expression, call.Args[0], Arg(0))),
            _ => throw ExpressionException.In(expression, $"uses the unknown filter '{call.Name}'"),
        };
    }

    private static bool IsBlank(JsonNode? value) =>
        value is null || JsonText.KindOf(value) == JsonValueKind.Null || (JsonText.TryGetString(value, out var s) && s.Length == 0);

    private static JsonNode? MapText(JsonNode? input, Func<string, string> map) =>
        input is null ? null : JsonValue.Create(map(JsonText.ToText(input)));

    /// <summary>The result, suffix included, is at most <paramref name="length"/> characters.</summary>
    private static string Truncate(string text, int length, string suffix)
    {
        if (text.Length <= length)
        {
            return text;
        }

        if (suffix.Length >= length)
        {
            return suffix[..length];
        }

        var keep = length - suffix.Length;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return text[..keep] + suffix;
    }

    private static int LengthOf(JsonNode? input) => input switch
    {
        null => 0,
        JsonArray array => array.Count,
        JsonObject obj => obj.Count,
        _ => JsonText.ToText(input).Length,
    };

    private static JsonNode? Join(JsonNode? input, string separator) => input switch
    {
        null => null,
        JsonArray array => JsonValue.Create(string.Join(separator, array.Select(JsonText.ToText))),
        _ => JsonValue.Create(JsonText.ToText(input)),
    };

    private static JsonNode? FormatDate(string expression, JsonNode? input, string format)
    {
        if (input is null)
        {
            return null;
        }

        var date = ReadDate(expression, "date", input, out _);
        return JsonValue.Create(date.ToString(format, CultureInfo.InvariantCulture));
    }

    private static JsonNode? AddTime(string expression, JsonNode? input, RelativeDate shift)
    {
        if (input is null)
        {
            return null;
        }

        var date = ReadDate(expression, "add_time", input, out var dateOnly);
        if (!shift.TryApply(date, out var shifted))
        {
            throw ExpressionException.In(expression, "shifts the date outside the calendar");
        }

        return JsonValue.Create(dateOnly && shift.IsCalendarShift ? IsoDates.FormatDate(shifted) : IsoDates.Format(shifted));
    }

    private static DateTimeOffset ReadDate(string expression, string filter, JsonNode input, out bool dateOnly)
    {
        dateOnly = false;
        return JsonText.TryGetString(input, out var text) && IsoDates.TryParse(text, out var date, out dateOnly)
            ? date
            : throw ExpressionException.In(expression,
                $"gives {filter} the value {JsonText.ToJson(input)}, which is not an ISO 8601 date such as 2025-10-18 or 2025-10-18T10:30:00Z");
    }
}
