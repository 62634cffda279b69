using System.Globalization;
using System.Text.Json.Nodes;

namespace Serverless.Engine.Loading;

internal static class WaitStepRules
{
    public static void ValidateWait(ValidationContext context, JsonObject obj, string path)
    {
        var hasDuration = obj["duration"] is not null;
        var hasUntil = obj["until"] is not null;
        if (hasDuration == hasUntil)
        {
            context.Report(path, "A wait step needs exactly one of 'duration' (such as \"2h\") or 'until' (an ISO 8601 time or a template).");
        }

        if (obj["duration"] is JsonValue duration && duration.TryGetValue<string>(out var text) && text.Contains("{{", StringComparison.Ordinal))
        {
            context.AddTemplates(obj["duration"], JsonPaths.Property(path, "duration"));
        }
        else
        {
            Fields.Duration(context, obj, path, "duration", Need.Optional);
        }

        if (Fields.String(context, obj, path, "until", Need.Optional) is { } until)
        {
            if (until.Contains("{{", StringComparison.Ordinal))
            {
                context.AddTemplates(obj["until"], JsonPaths.Property(path, "until"));
            }
            else if (!DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                context.Report(
                    JsonPaths.Property(path, "until"),
                    $"'until' must be an ISO 8601 date and time such as 2026-01-31T09:00:00Z, or a template, not '{until}'.");
            }
        }
    }

    public static void ValidateWaitForEvent(ValidationContext context, JsonObject obj, string path)
    {
        if (Fields.String(context, obj, path, "event", Need.Required) is not null)
        {
            context.AddTemplates(obj["event"], JsonPaths.Property(path, "event"));
        }

        var timeout = Fields.Duration(context, obj, path, "timeout", Need.Optional);
        var onTimeout = StepValidator.ValidateBlock(context, obj, path, "onTimeout");
        if (onTimeout is { Count: > 0 } && timeout is null && obj["timeout"] is null)
        {
            context.Report(JsonPaths.Property(path, "onTimeout"), "'onTimeout' steps never run because the step has no 'timeout'.");
        }
    }
}
