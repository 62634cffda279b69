using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Serverless.Host.Configuration;

/// <summary>
/// Maps local.settings.json to configuration keys the way the Functions host does: every entry of <c>Values</c>
/// becomes a key, with <c>__</c> (environment-variable style) or <c>:</c> as the section separator;
/// <c>ConnectionStrings</c> entries become <c>ConnectionStrings:NAME</c>; <c>Host.LocalHttpPort</c> becomes
/// <c>Host:LocalHttpPort</c>. An encrypted file is refused, since only the Functions tooling can decrypt it.
/// </summary>
public sealed class LocalSettingsConfigurationProvider(LocalSettingsConfigurationSource source) : FileConfigurationProvider(source)
{
    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public override void Load(Stream stream)
    {
        using var document = JsonDocument.Parse(stream, ReadOptions);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("local.settings.json must hold a JSON object with a \"Values\" object.");
        }

        if (root.TryGetProperty("IsEncrypted", out var encrypted) && encrypted.ValueKind == JsonValueKind.True)
        {
            throw new FormatException("local.settings.json is encrypted (\"IsEncrypted\": true); the embedded host reads plain values only.");
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        CopySection(root, "Values", prefix: null, data);
        CopySection(root, "ConnectionStrings", prefix: "ConnectionStrings", data);
        CopySection(root, "Host", prefix: "Host", data);
        Data = data;
    }

    private static void CopySection(JsonElement root, string name, string? prefix, Dictionary<string, string?> data)
    {
        if (!root.TryGetProperty(name, out var section) || section.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"\"{name}\" in local.settings.json must be a JSON object.");
        }

        foreach (var property in section.EnumerateObject())
        {
            var key = property.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            data[prefix is null ? key : ConfigurationPath.Combine(prefix, key)] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number =>
                    Convert.ToString(property.Value.GetRawText(), CultureInfo.InvariantCulture),
                _ => throw new FormatException($"\"{name}.{property.Name}\" in local.settings.json must be a string, number or boolean."),
            };
        }
    }
}
