using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Http;

/// <summary>Typed reads of query-string parameters; each failure is a message naming the parameter's rule.</summary>
public static class QueryValues
{
    public static string? Single(IQueryCollection query, string name, out string? error)
    {
        error = null;
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            error = $"'{name}' must be given at most once.";
            return null;
        }

        var value = values[0];
        if (string.IsNullOrWhiteSpace(value))
        {
            error = $"'{name}' must not be empty when present.";
            return null;
        }

        return value;
    }

    public static int? OptionalPositiveInt(IQueryCollection query, string name, out string? error, int max = int.MaxValue)
    {
        var text = Single(query, name, out error);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > max)
        {
            error = $"'{name}' must be a whole number from 1 to {max} (was '{text}').";
            return null;
        }

        return value;
    }

    public static bool OptionalBool(IQueryCollection query, string name, out string? error) =>
        OptionalBoolFilter(query, name, out error) ?? false;

    /// <summary>A filter: null when absent, so that absent and false differ.</summary>
    public static bool? OptionalBoolFilter(IQueryCollection query, string name, out string? error)
    {
        var text = Single(query, name, out error);
        if (text is null)
        {
            return null;
        }

        if (!bool.TryParse(text, out var value))
        {
            error = $"'{name}' must be true or false (was '{text}').";
            return null;
        }

        return value;
    }

    public static DateTimeOffset? OptionalTimestamp(IQueryCollection query, string name, out string? error)
    {
        var text = Single(query, name, out error);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            error = $"'{name}' must be an ISO 8601 date or time, e.g. 2026-01-31T12:00:00Z (was '{text}').";
            return null;
        }

        return value;
    }

    public static TEnum? OptionalEnum<TEnum>(IQueryCollection query, string name, out string? error)
        where TEnum : struct, Enum
    {
        var text = Single(query, name, out error);
        if (text is null)
        {
            return null;
        }

        if (!char.IsLetter(text[0]) || !Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) || !Enum.IsDefined(value))
        {
            error = $"'{name}' must be one of {string.Join(", ", Enum.GetNames<TEnum>())} (was '{text}').";
            return null;
        }

        return value;
    }
}
