namespace Serverless.Api.Http;

/// <summary>Checks on identifiers that arrive in routes, headers and queries.</summary>
internal static class Validate
{
    public const int MaxIdLength = 200;

    /// <summary>Null when the id is acceptable, else the reason. Ids appear in URLs, logs and keys, so control
    /// characters and slashes are refused.</summary>
    public static string? Identifier(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"The {what} must not be empty.";
        }

        if (value.Length > MaxIdLength)
        {
            return $"The {what} must be at most {MaxIdLength} characters (was {value.Length}).";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c is '/' or '\\' || char.IsWhiteSpace(c))
            {
                return $"The {what} must not contain whitespace, control characters or slashes.";
            }
        }

        return null;
    }
}
