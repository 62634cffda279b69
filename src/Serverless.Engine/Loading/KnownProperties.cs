using System.Text.Json.Nodes;

namespace Serverless.Engine.Loading;

/// <summary>Reports properties a shape does not have. The serializer would silently ignore them, so a typo
/// such as "actvity" would otherwise surface later as a confusing "missing field".</summary>
internal static class KnownProperties
{
    public static void Check(ValidationContext context, JsonObject obj, string path, IReadOnlyCollection<string> allowed)
    {
        foreach (var (name, _) in obj)
        {
            if (!allowed.Contains(name))
            {
                context.Report(
                    JsonPaths.Property(path, name),
                    $"Unknown property '{name}'{Hint(name, allowed)}");
            }
        }
    }

    private static string Hint(string name, IReadOnlyCollection<string> allowed)
    {
        var hint = Suggestions.DidYouMean(name, allowed);
        return hint.Length > 0 ? hint : $"; the properties allowed here are {Suggestions.List(allowed)}.";
    }
}
