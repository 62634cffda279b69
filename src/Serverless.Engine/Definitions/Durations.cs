using System.Globalization;
using System.Xml;

namespace Serverless.Engine.Definitions;

/// <summary>Durations as users write them: "500ms", "30s", "5m", "2h", "7d", or ISO 8601 ("PT5M", "P1D").</summary>
public static class Durations
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.StartsWith('P') || s.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                value = XmlConvert.ToTimeSpan(s);
                return value >= TimeSpan.Zero;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        var unitStart = 0;
        while (unitStart < s.Length && (char.IsDigit(s[unitStart]) || s[unitStart] == '.'))
        {
            unitStart++;
        }

        if (unitStart == 0 || !double.TryParse(s[..unitStart], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        TimeSpan? parsed = s[unitStart..].Trim() switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            "w" => TimeSpan.FromDays(7 * amount),
            _ => null,
        };
        value = parsed ?? default;
        return parsed is not null;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a duration (use 30s, 5m, 2h, 7d or ISO 8601 like PT5M).");
}
