using System.Globalization;

namespace Serverless.Engine.Expressions;

internal enum TimeUnit
{
    Seconds,
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

/// <summary>A shift such as "+7 days", "-2 hours", "+3 mois": a whole number and a unit (English or French,
/// singular or plural). Months and years follow the calendar (Jan 31 + 1 month = Feb 28/29).</summary>
internal readonly record struct RelativeDate(int Amount, TimeUnit Unit)
{
    public const string Help = "write it like '+7 days', '-2 hours', '+30 minutes', '+1 week' or '+3 months'";

    private static readonly Dictionary<string, TimeUnit> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["second"] = TimeUnit.Seconds, ["seconds"] = TimeUnit.Seconds, ["seconde"] = TimeUnit.Seconds, ["secondes"] = TimeUnit.Seconds,
        ["minute"] = TimeUnit.Minutes, ["minutes"] = TimeUnit.Minutes,
        ["hour"] = TimeUnit.Hours, ["hours"] = TimeUnit.Hours, ["heure"] = TimeUnit.Hours, ["heures"] = TimeUnit.Hours,
        ["day"] = TimeUnit.Days, ["days"] = TimeUnit.Days, ["jour"] = TimeUnit.Days, ["jours"] = TimeUnit.Days,
        ["week"] = TimeUnit.Weeks, ["weeks"] = TimeUnit.Weeks, ["semaine"] = TimeUnit.Weeks, ["semaines"] = TimeUnit.Weeks,
        ["month"] = TimeUnit.Months, ["months"] = TimeUnit.Months, ["mois"] = TimeUnit.Months,
        ["year"] = TimeUnit.Years, ["years"] = TimeUnit.Years, ["an"] = TimeUnit.Years, ["ans"] = TimeUnit.Years,
        ["année"] = TimeUnit.Years, ["années"] = TimeUnit.Years,
    };

    /// <summary>Whole days or more: a date-only input stays date-only after the shift.</summary>
    public bool IsCalendarShift => Unit >= TimeUnit.Days;

    public static bool TryParseUnit(string word, out TimeUnit unit) => Units.TryGetValue(word, out unit);

    public static bool TryParse(string text, out RelativeDate value)
    {
        value = default;
        var s = text.Trim();
        var end = 0;
        if (end < s.Length && s[end] is '+' or '-')
        {
            end++;
        }

        while (end < s.Length && char.IsAsciiDigit(s[end]))
        {
            end++;
        }

        if (!int.TryParse(s[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            || !TryParseUnit(s[end..].Trim(), out var unit))
        {
            return false;
        }

        value = new RelativeDate(amount, unit);
        return true;
    }

    /// <summary>False when the result falls outside the representable range.</summary>
    public bool TryApply(DateTimeOffset start, out DateTimeOffset result)
    {
        try
        {
            result = Unit switch
            {
                TimeUnit.Seconds => start.AddSeconds(Amount),
                TimeUnit.Minutes => start.AddMinutes(Amount),
                TimeUnit.Hours => start.AddHours(Amount),
                TimeUnit.Days => start.AddDays(Amount),
                TimeUnit.Weeks => start.AddDays(7.0 * Amount),
                TimeUnit.Months => start.AddMonths(Amount),
                _ => start.AddYears(Amount),
            };
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            result = default;
            return false;
        }
    }
}
