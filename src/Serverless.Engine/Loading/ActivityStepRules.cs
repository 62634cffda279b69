using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

internal static class ActivityStepRules
{
    public static void Validate(ValidationContext context, JsonObject obj, string path)
    {
        if (Fields.String(context, obj, path, "activity", Need.Required) is { } activity)
        {
            CheckActivityKnown(context, activity, JsonPaths.Property(path, "activity"));
        }

        context.AddTemplates(obj["input"], JsonPaths.Property(path, "input"));
        if (Fields.Object(context, obj, path, "retry", Need.Optional) is { } retry)
        {
            RetryRules.Validate(context, retry, JsonPaths.Property(path, "retry"));
        }

        Fields.Duration(context, obj, path, "timeout", Need.Optional);

        var onError = Fields.OneOf(context, obj, path, "onError", Need.Defaulted, OnErrorPolicies.All);
        var hasFallback = obj.ContainsKey("fallback");
        if (onError == OnErrorPolicies.Fallback && !hasFallback)
        {
            context.Report(
                JsonPaths.Property(path, "fallback"),
                "'fallback' is required when 'onError' is 'fallback': it is the step output used when every attempt fails.");
        }
        else if (hasFallback && onError is not null && onError != OnErrorPolicies.Fallback)
        {
            context.Report(JsonPaths.Property(path, "fallback"), $"'fallback' is only used when 'onError' is 'fallback', and here it is '{onError}'.");
        }
        else if (hasFallback && onError is null && !obj.ContainsKey("onError"))
        {
            context.Report(JsonPaths.Property(path, "fallback"), "'fallback' is only used when 'onError' is 'fallback'; add \"onError\": \"fallback\".");
        }

        context.AddTemplates(obj["fallback"], JsonPaths.Property(path, "fallback"));
    }

    /// <summary>Reports an activity name the host cannot run, when the host said which ones it can.</summary>
    public static void CheckActivityKnown(ValidationContext context, string activity, string path)
    {
        var known = context.Options.KnownActivities;
        if (known is not null && !known.Contains(activity))
        {
            context.Report(path, $"Unknown activity '{activity}': no activity of that name is registered{Suggestions.Ending(activity, known.Order(StringComparer.Ordinal))}");
        }
    }
}
