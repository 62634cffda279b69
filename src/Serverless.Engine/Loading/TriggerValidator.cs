using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

internal static class TriggerValidator
{
    private static readonly Dictionary<string, string[]> Properties = new(StringComparer.Ordinal)
    {
        [TriggerTypes.Webhook] = ["type", "route", "auth"],
        [TriggerTypes.Schedule] = ["type", "cron", "timeZone"],
        [TriggerTypes.Event] = ["type", "channel", "condition"],
        [TriggerTypes.Mailbox] = ["type", "mailbox"],
        [TriggerTypes.Manual] = ["type"],
    };

    public static void Validate(ValidationContext context, JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            context.Report(path, $"A trigger must be a JSON object, not {JsonKinds.Describe(node)}.");
            return;
        }

        var type = Fields.String(context, obj, path, "type", Need.Required);
        if (type is null)
        {
            return;
        }

        if (!Properties.TryGetValue(type, out var properties))
        {
            context.Report(
                JsonPaths.Property(path, "type"),
                $"Unknown trigger type '{type}'; the trigger types are {Suggestions.List(TriggerTypes.All)}{Suggestions.Ending(type, TriggerTypes.All)}");
            return;
        }

        KnownProperties.Check(context, obj, path, properties);
        switch (type)
        {
            case TriggerTypes.Webhook:
                Fields.String(context, obj, path, "route", Need.Required);
                Fields.OneOf(context, obj, path, "auth", Need.Defaulted, WebhookAuth.All);
                break;
            case TriggerTypes.Schedule:
                ScheduleRules.Validate(context, obj, path);
                break;
            case TriggerTypes.Event:
                Fields.String(context, obj, path, "channel", Need.Required);
                if (Fields.Value(context, obj, path, "condition", Need.Optional) is { } condition)
                {
                    ConditionValidator.Validate(context, condition, JsonPaths.Property(path, "condition"), stepsVisible: false);
                }

                break;
            case TriggerTypes.Mailbox:
                Fields.String(context, obj, path, "mailbox", Need.Required);
                break;
        }
    }
}
