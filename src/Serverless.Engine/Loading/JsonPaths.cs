namespace Serverless.Engine.Loading;

/// <summary>Builds the JSON paths problems are reported at: <c>$.steps[2].retry.maxAttempts</c>.</summary>
internal static class JsonPaths
{
    public const string Root = "$";

    public static string Property(string path, string name) =>
        IsPlainName(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string path, int index) => $"{path}[{index}]";

    private static bool IsPlainName(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
