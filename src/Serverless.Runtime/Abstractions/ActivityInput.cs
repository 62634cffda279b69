using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Runtime.Abstractions;

/// <summary>Reads an activity's input; a missing required value is a Validation error (not retried), naming the field.</summary>
public static class ActivityInput
{
    public static string Required(ActivityContext context, string name) =>
        Optional(context, name) is { Length: > 0 } value
            ? value
            : throw new ActivityException(ErrorKinds.Validation, $"{context.StepKey}: input '{name}' is required.");

    public static string? Optional(ActivityContext context, string name) =>
        context.Input?[name] is JsonValue value && value.GetValueKind() != JsonValueKind.Null ? value.ToString() : null;

    public static bool Flag(ActivityContext context, string name) =>
        context.Input?[name] is JsonValue value && (value.GetValueKind() == JsonValueKind.True
            || (value.GetValueKind() == JsonValueKind.String && string.Equals(value.GetValue<string>(), "true", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Any JSON number as a double, whatever CLR type holds it (an in-memory input may hold an int).</summary>
    public static double? Number(ActivityContext context, string name) =>
        context.Input?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? value.TryGetValue<double>(out var number) ? number : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static JsonArray Array(ActivityContext context, string name) => context.Input?[name] as JsonArray ?? [];
}
