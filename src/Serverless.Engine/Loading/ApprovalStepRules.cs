using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

internal static class ApprovalStepRules
{
    private static readonly string[] GroupProperties = ["name", "members"];
    private static readonly string[] MessageProperties = ["subject", "body"];
    private static readonly string[] ReminderProperties = ["interval", "max"];

    public static void Validate(ValidationContext context, JsonObject obj, string path)
    {
        var groups = ValidateApprovers(context, obj, path);
        ValidateStrings(context, obj, path, "channels", templates: false);

        if (Fields.Object(context, obj, path, "message", Need.Defaulted) is { } message)
        {
            var messagePath = JsonPaths.Property(path, "message");
            KnownProperties.Check(context, message, messagePath, MessageProperties);
            Fields.String(context, message, messagePath, "subject", Need.Defaulted);
            Fields.String(context, message, messagePath, "body", Need.Optional);
            context.AddTemplates(message, messagePath);
        }

        context.AddTemplates(obj["item"], JsonPaths.Property(path, "item"));

        if (Fields.Object(context, obj, path, "reminder", Need.Optional) is { } reminder)
        {
            var reminderPath = JsonPaths.Property(path, "reminder");
            KnownProperties.Check(context, reminder, reminderPath, ReminderProperties);
            Fields.Duration(context, reminder, reminderPath, "interval", Need.Required);
            Fields.Integer(context, reminder, reminderPath, "max", Need.Defaulted, minimum: 1);
        }

        Fields.Duration(context, obj, path, "deadline", Need.Optional);

        var onTimeout = Fields.OneOf(context, obj, path, "onTimeout", Need.Defaulted, ApprovalTimeoutPolicies.All);
        if (onTimeout == ApprovalTimeoutPolicies.Escalate && groups is { } count && count < 2)
        {
            context.Report(
                JsonPaths.Property(path, "onTimeout"),
                $"'onTimeout' 'escalate' needs at least two approver groups to escalate through, and this step has {count}.");
        }

        if (Fields.String(context, obj, path, "notifyActivity", Need.Defaulted) is { } notify)
        {
            ActivityStepRules.CheckActivityKnown(context, notify, JsonPaths.Property(path, "notifyActivity"));
        }
    }

    /// <summary>Returns the number of approver groups, or null when 'approvers' is unusable.</summary>
    private static int? ValidateApprovers(ValidationContext context, JsonObject obj, string path)
    {
        var approvers = Fields.Array(context, obj, path, "approvers", Need.Required);
        if (approvers is null)
        {
            return null;
        }

        var approversPath = JsonPaths.Property(path, "approvers");
        if (approvers.Count == 0)
        {
            context.Report(approversPath, "'approvers' needs at least one approver group, such as {\"name\": \"managers\", \"members\": [\"ops@example.com\"]}.");
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < approvers.Count; i++)
        {
            var groupPath = JsonPaths.Index(approversPath, i);
            if (approvers[i] is not JsonObject group)
            {
                context.Report(groupPath, $"An approver group must be a JSON object with a 'name' and 'members', not {JsonKinds.Describe(approvers[i])}.");
                continue;
            }

            KnownProperties.Check(context, group, groupPath, GroupProperties);
            if (Fields.String(context, group, groupPath, "name", Need.Required) is { } name && !names.TryAdd(name, groupPath))
            {
                context.Report(JsonPaths.Property(groupPath, "name"), $"The approver group name '{name}' is already used at {names[name]}.");
            }

            ValidateStrings(context, group, groupPath, "members", templates: true);
        }

        return approvers.Count;
    }

    private static void ValidateStrings(ValidationContext context, JsonObject obj, string path, string name, bool templates)
    {
        var array = Fields.Array(context, obj, path, name, Need.Defaulted);
        if (array is null)
        {
            return;
        }

        var arrayPath = JsonPaths.Property(path, name);
        if (array.Count == 0)
        {
            context.Report(arrayPath, $"'{name}' cannot be an empty list; leave it out to use the default.");
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonValue value || !value.TryGetValue<string>(out var text))
            {
                context.Report(JsonPaths.Index(arrayPath, i), $"Each entry of '{name}' must be a string, not {JsonKinds.Describe(array[i])}.");
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                context.Report(JsonPaths.Index(arrayPath, i), $"An entry of '{name}' cannot be empty.");
            }
            else if (templates)
            {
                context.AddTemplates(value, JsonPaths.Index(arrayPath, i));
            }
        }
    }
}
