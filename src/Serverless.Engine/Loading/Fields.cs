using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

/// <summary>Typed reads of one field of a JSON object; each reports its own problem and returns null when the
/// field is absent or unusable, so callers simply skip the checks that depend on it.</summary>
internal static class Fields
{
    public static JsonNode? Value(ValidationContext context, JsonObject obj, string path, string name, Need need)
    {
        if (!obj.TryGetPropertyValue(name, out var node))
        {
            if (need == Need.Required)
            {
                context.Report(JsonPaths.Property(path, name), $"'{name}' is required.");
            }

            return null;
        }

        if (node is null && need != Need.Optional)
        {
            context.Report(
                JsonPaths.Property(path, name),
                need == Need.Required ? $"'{name}' is required and cannot be null." : $"'{name}' cannot be null; leave it out to use the default.");
        }

        return node;
    }

    public static string? String(ValidationContext context, JsonObject obj, string path, string name, Need need)
    {
        var node = Value(context, obj, path, name, need);
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            context.Report(JsonPaths.Property(path, name), $"'{name}' must be a string, not {JsonKinds.Describe(node)}.");
            return null;
        }

        var text = node.GetValue<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            context.Report(JsonPaths.Property(path, name), $"'{name}' cannot be empty.");
            return null;
        }

        return text;
    }

    public static int? Integer(ValidationContext context, JsonObject obj, string path, string name, Need need, int minimum)
    {
        var node = Value(context, obj, path, name, need);
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number)
        {
            context.Report(JsonPaths.Property(path, name), $"'{name}' must be a whole number, not {JsonKinds.Describe(node)}.");
            return null;
        }

        if (!node.AsValue().TryGetValue<int>(out var value))
        {
            context.Report(JsonPaths.Property(path, name), $"'{name}' must be a whole number, not {node.ToJsonString()}.");
            return null;
        }

        if (value < minimum)
        {
            context.Report(JsonPaths.Property(path, name), $"'{name}' must be {minimum} or more, not {value}.");
            return null;
        }

        return value;
    }

    public static double? Number(ValidationContext context, JsonObject obj, string path, string name, Need need)
    {
        var node = Value(context, obj, path, name, need);
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number)
        {
            context.Report(JsonPaths.Property(path, name), $"'{name}' must be a number, not {JsonKinds.Describe(node)}.");
            return null;
        }

        return node.GetValue<double>();
    }

    public static JsonArray? Array(ValidationContext context, JsonObject obj, string path, string name, Need need)
    {
        var node = Value(context, obj, path, name, need);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            context.Report(JsonPaths.Property(path, name), $"'{name}' must be an array, not {JsonKinds.Describe(node)}.");
            return null;
        }

        return array;
    }

    public static JsonObject? Object(ValidationContext context, JsonObject obj, string path, string name, Need need)
    {
        var node = Value(context, obj, path, name, need);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject child)
        {
            context.Report(JsonPaths.Property(path, name), $"'{name}' must be an object, not {JsonKinds.Describe(node)}.");
            return null;
        }

        return child;
    }

    /// <summary>A string that must be one of <paramref name="allowed"/>; returns the default's absence as null.</summary>
    public static string? OneOf(ValidationContext context, JsonObject obj, string path, string name, Need need, IReadOnlyList<string> allowed)
    {
        var text = String(context, obj, path, name, need);
        if (text is null || allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        context.Report(
            JsonPaths.Property(path, name),
            $"'{name}' must be one of {Suggestions.List(allowed)}, not '{text}'{Suggestions.Ending(text, allowed)}");
        return null;
    }

    /// <summary>A duration ("30s", "5m", "PT1H") that must be longer than zero.</summary>
    public static TimeSpan? Duration(ValidationContext context, JsonObject obj, string path, string name, Need need)
    {
        var text = String(context, obj, path, name, need);
        if (text is null)
        {
            return null;
        }

        if (!Durations.TryParse(text, out var value))
        {
            context.Report(
                JsonPaths.Property(path, name),
                $"'{name}' is not a duration: '{text}'; write 500ms, 30s, 5m, 2h, 7d, 1w or ISO 8601 such as PT5M.");
            return null;
        }

        if (value <= TimeSpan.Zero)
        {
            context.Report(JsonPaths.Property(path, name), $"'{name}' must be a duration longer than zero, not '{text}'.");
            return null;
        }

        return value;
    }
}
