using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Host.Demo;

/// <summary>Reads the demo activities' inputs; a wrong input is a Validation error (not retried).</summary>
internal static class DemoInput
{
    public static string? OptionalString(JsonNode? input, string name) =>
        input is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    public static int DelayMs(JsonNode? input, string name, int max)
    {
        if (input is not JsonObject obj || obj[name] is null || obj[name] is JsonValue blank
            && blank.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(blank.GetValue<string>()))
        {
            return 0;
        }

        if (obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var ms) && ms >= 0)
        {
            return Math.Min(ms, max);
        }

        if (obj[name] is JsonValue text && text.GetValueKind() == JsonValueKind.String
            && int.TryParse(text.GetValue<string>(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            return Math.Min(parsed, max);
        }

        throw new ActivityException(ErrorKinds.Validation, $"input.{name} must be a whole number of milliseconds.");
    }
}
