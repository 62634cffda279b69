using System.Globalization;

namespace Serverless.Engine.Expressions;

/// <summary>ISO 8601 dates and times as strings: "2025-10-18", "2025-10-18T10:30:00Z", "2025-10-18T12:30:00+02:00".</summary>
internal static class IsoDates
{
    /// <summary>Only strings shaped like yyyy-MM-dd... are dates, so "May 3" or "12" never turn into one.
    /// Without an offset the time is taken as UTC.</summary>
    public static bool TryParse(string text, out DateTimeOffset value, out bool dateOnly)
    {
        value = default;
        dateOnly = text.Length == 10;
        if (!LooksLikeIsoDate(text))
        {
            return false;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    public static bool TryParse(string text, out DateTimeOffset value) => TryParse(text, out value, out _);

    /// <summary>The one output form: round-trip "O" (e.g. 2025-10-18T10:30:00.0000000+00:00).</summary>
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static string FormatUtc(DateTimeOffset value) => Format(value.ToUniversalTime());

    public static string FormatDate(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool LooksLikeIsoDate(string text) =>
        text.Length >= 10
        && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
        && text[4] == '-' && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6])
        && text[7] == '-' && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9])
        && (text.Length == 10 || text[10] is 'T' or 't' or ' ');
}
