using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Engine.Expressions;

/// <summary>The filters, how many arguments each takes, and the argument checks shared by parsing
/// (literal arguments) and evaluation (arguments that come from paths).</summary>
internal static class FilterCatalog
{
    public const string Default = "default";
    public const string Lower = "lower";
    public const string Upper = "upper";
    public const string Trim = "trim";
    public const string Truncate = "truncate";
    public const string Json = "json";
    public const string Length = "length";
    public const string Join = "join";
    public const string Date = "date";
    public const string AddTime = "add_time";

    private static readonly Dictionary<string, (int Min, int Max, string Usage)> Arity = new(StringComparer.Ordinal)
    {
        [Default] = (1, 1, "one argument, the fallback value"),
        [Lower] = (0, 0, "no argument"),
        [Upper] = (0, 0, "no argument"),
        [Trim] = (0, 0, "no argument"),
        [Truncate] = (1, 2, "a length and optionally a suffix"),
        [Json] = (0, 0, "no argument"),
        [Length] = (0, 0, "no argument"),
        [Join] = (0, 1, "optionally a separator"),
        [Date] = (1, 1, "one argument, a format such as 'dd/MM/yyyy'"),
        [AddTime] = (1, 1, "one argument, a shift such as '+2 hours'"),
    };

    public static IEnumerable<string> Names => Arity.Keys;

    public static void Check(string expression, FilterCall call)
    {
        if (!Arity.TryGetValue(call.Name, out var arity))
        {
            throw ExpressionException.In(expression,
                $"uses the unknown filter '{call.Name}'; the filters are {string.Join(", ", Names)}");
        }

        if (call.Args.Count < arity.Min || call.Args.Count > arity.Max)
        {
            throw ExpressionException.In(expression,
                $"gives the filter '{call.Name}' {call.Args.Count} argument(s); it takes {arity.Usage}");
        }

        var literal = call.Args.Select(a => a as LiteralOperand).ToList();
        switch (call.Name)
        {
            case Truncate when literal[0] is { } length:
                ReadLength(expression, length.Value);
                break;
            case Date when literal[0] is { } format:
                ReadFormat(expression, format.Value);
                break;
            case AddTime when call.Args[0] is LiteralOperand or RelativeDateOperand:
                ReadShift(expression, call.Args[0], literal[0]?.Value);
                break;
        }
    }

    public static int ReadLength(string expression, JsonNode? arg) =>
        JsonText.KindOf(arg) == JsonValueKind.Number && arg!.AsValue().TryGetValue(out int n) && n >= 0
            ? n
            : int.TryParse(JsonText.ToText(arg), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw ExpressionException.In(expression,
                    $"gives truncate the length {JsonText.ToJson(arg)}; it needs a whole number of 0 or more");

    public static string ReadFormat(string expression, JsonNode? arg)
    {
        if (!JsonText.TryGetString(arg, out var format) || format.Length == 0)
        {
            throw ExpressionException.In(expression, $"gives date the format {JsonText.ToJson(arg)}; it needs a text such as 'dd/MM/yyyy'");
        }

        try
        {
            _ = DateTimeOffset.UnixEpoch.ToString(format, CultureInfo.InvariantCulture);
            return format;
        }
        catch (FormatException ex)
        {
            throw ExpressionException.In(expression, $"gives date the format '{format}', which .NET cannot use", ex);
        }
    }

    /// <summary>The shift of add_time: an unquoted relative date, or a text (literal or from a path) that reads as one.</summary>
    public static RelativeDate ReadShift(string expression, Operand operand, JsonNode? value)
    {
        if (operand is RelativeDateOperand relative)
        {
            return relative.Shift;
        }

        return JsonText.TryGetString(value, out var text) && RelativeDate.TryParse(text, out var shift)
            ? shift
            : throw ExpressionException.In(expression, $"gives add_time the shift {JsonText.ToJson(value)}, which is not a relative date; {RelativeDate.Help}");
    }
}
