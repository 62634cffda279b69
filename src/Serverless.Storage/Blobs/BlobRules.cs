using System.Text.RegularExpressions;

namespace Serverless.Storage.Blobs;

/// <summary>Azure Blob naming rules, applied by every adapter so names that work locally also work in Azure.</summary>
internal static partial class BlobRules
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$")]
    private static partial Regex ContainerPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex MetadataKeyPattern();

    public static void Container(string container)
    {
        if (container is null || !ContainerPattern().IsMatch(container))
        {
            throw new ArgumentException($"Container name '{container}' is invalid: 3-63 lowercase letters, digits or single '-'.", nameof(container));
        }
    }

    public static void Name(string name)
    {
        var valid = !string.IsNullOrEmpty(name) && name.Length <= 1024 && !name.Contains('\\') && !name.Any(char.IsControl)
            && name.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");
        if (!valid)
        {
            throw new ArgumentException(
                $"Blob name '{name}' is invalid: 1-1024 characters, '/'-separated non-empty segments other than '.' and '..', no '\\'.", nameof(name));
        }
    }

    public static Dictionary<string, string> Metadata(IReadOnlyDictionary<string, string> metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            if (!MetadataKeyPattern().IsMatch(key) || value is null || value.Any(c => c > 127 || char.IsControl(c)))
            {
                throw new ArgumentException($"Metadata '{key}' is invalid: the key must be an identifier and the value printable ASCII.", nameof(metadata));
            }

            result[key.ToLowerInvariant()] = value;
        }

        return result;
    }
}
