using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

internal static class RetryRules
{
    private static readonly string[] Properties = ["maxAttempts", "firstInterval", "backoffCoefficient", "maxInterval", "jitter", "retryOn"];

    private static readonly RetryPolicy Defaults = new();

    public static void Validate(ValidationContext context, JsonObject retry, string path)
    {
        KnownProperties.Check(context, retry, path, Properties);
        Fields.Integer(context, retry, path, "maxAttempts", Need.Defaulted, minimum: 1);

        var first = Fields.Duration(context, retry, path, "firstInterval", Need.Defaulted);
        var max = Fields.Duration(context, retry, path, "maxInterval", Need.Defaulted);
        var bothUsable = (first is not null || !retry.ContainsKey("firstInterval")) && (max is not null || !retry.ContainsKey("maxInterval"));
        if (bothUsable && (max ?? Durations.Parse(Defaults.MaxInterval)) < (first ?? Durations.Parse(Defaults.FirstInterval)))
        {
            context.Report(
                JsonPaths.Property(path, "maxInterval"),
                $"'maxInterval' ({Text(retry, "maxInterval", Defaults.MaxInterval)}) must not be shorter than 'firstInterval' ({Text(retry, "firstInterval", Defaults.FirstInterval)}).");
        }

        if (Fields.Number(context, retry, path, "backoffCoefficient", Need.Defaulted) is { } coefficient && coefficient < 1)
        {
            context.Report(JsonPaths.Property(path, "backoffCoefficient"), $"'backoffCoefficient' must be 1 or more, not {coefficient}, or each retry would wait less than the one before.");
        }

        if (Fields.Number(context, retry, path, "jitter", Need.Defaulted) is { } jitter && jitter is < 0 or > 1)
        {
            context.Report(JsonPaths.Property(path, "jitter"), $"'jitter' must be between 0 and 1 (a fraction of each delay), not {jitter}.");
        }

        if (Fields.Array(context, retry, path, "retryOn", Need.Defaulted) is { } retryOn)
        {
            ValidateRetryOn(context, retryOn, JsonPaths.Property(path, "retryOn"));
        }
    }

    private static void ValidateRetryOn(ValidationContext context, JsonArray kinds, string path)
    {
        if (kinds.Count == 0)
        {
            context.Report(path, $"'retryOn' needs at least one error kind (leave it out to retry {Suggestions.List(ErrorKinds.RetriableByDefault)}).");
        }

        for (var i = 0; i < kinds.Count; i++)
        {
            var kind = kinds[i] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (kind is null)
            {
                context.Report(JsonPaths.Index(path, i), $"An error kind must be a string, not {JsonKinds.Describe(kinds[i])}.");
            }
            else if (!ErrorKinds.All.Contains(kind, StringComparer.Ordinal))
            {
                context.Report(
                    JsonPaths.Index(path, i),
                    $"Unknown error kind '{kind}'; the kinds are {Suggestions.List(ErrorKinds.All)}{Suggestions.Ending(kind, ErrorKinds.All)}");
            }
        }
    }

    private static string Text(JsonObject obj, string name, string fallback) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : fallback;
}
