using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Serverless.Crm.Workflows;

/// <summary>The config of each action type, as the seed's engine reads it (required fields checked).</summary>
internal static partial class CrmActionRules
{
    public static readonly string[] EntityTypes = ["organisation", "deal", "person"];
    public static readonly string[] Priorities = ["urgent", "high", "normal", "low"];
    public static readonly string[] NotificationTypes = ["info", "success", "warning", "error"];
    public static readonly string[] HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    public static readonly string[] ActivityKinds = ["note", "call", "email", "meeting", "task", "other"];

    private static readonly string[] ActionFields = ["type", "config"];

    private static readonly Dictionary<string, string[]> ConfigFields = new(StringComparer.Ordinal)
    {
        [CrmActionTypes.SendEmail] = ["to", "subject", "body", "template", "cc", "bcc"],
        [CrmActionTypes.CreateTask] = ["title", "description", "assigned_to", "due_date", "priority"],
        [CrmActionTypes.SendNotification] = ["user_id", "message", "type", "title"],
        [CrmActionTypes.UpdateField] = ["entity_type", "entity_id", "field", "value"],
        [CrmActionTypes.AssignUser] = ["entity_type", "entity_id", "user_id"],
        [CrmActionTypes.AddTag] = ["entity_type", "entity_id", "tag"],
        [CrmActionTypes.CallWebhook] = ["url", "method", "headers", "body"],
        [CrmActionTypes.CreateActivity] = ["type", "title", "description", "entity_type", "entity_id"],
    };

    public static CrmAction? Validate(SpecChecks checks, JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            checks.Add(path, $"An action must be an object {{\"type\", \"config\"}}, not {SpecChecks.Describe(node)}.");
            return null;
        }

        checks.UnknownProperties(obj, path, ActionFields);
        var type = checks.OneOf(obj, path, "type", required: true, CrmActionTypes.All);
        var configAt = SpecChecks.Property(path, "config");
        JsonObject config;
        if (!obj.TryGetPropertyValue("config", out var configNode) || configNode is null)
        {
            config = [];
        }
        else if (configNode is JsonObject o)
        {
            config = o;
        }
        else
        {
            checks.Add(configAt, $"'config' must be an object, not {SpecChecks.Describe(configNode)}.");
            return null;
        }

        if (type is null)
        {
            return null;
        }

        var before = checks.Problems.Count;
        checks.UnknownProperties(config, configAt, ConfigFields[type]);
        Config(checks, type, config, configAt);
        return checks.Problems.Count == before ? new CrmAction(type, config.DeepClone().AsObject()) : null;
    }

    private static void Config(SpecChecks checks, string type, JsonObject config, string at)
    {
        switch (type)
        {
            case CrmActionTypes.SendEmail:
                Recipients(checks, config, at, "to", required: true);
                Recipients(checks, config, at, "cc", required: false);
                Recipients(checks, config, at, "bcc", required: false);
                checks.String(config, at, "subject", required: true);
                var body = checks.String(config, at, "body", required: false);
                var template = checks.String(config, at, "template", required: false);
                if (body is null && template is null && !config.ContainsKey("body") && !config.ContainsKey("template"))
                {
                    checks.Add(SpecChecks.Property(at, "body"), "'body' (or 'template', the name of an email template) is required.");
                }

                break;
            case CrmActionTypes.CreateTask:
                checks.String(config, at, "title", required: true);
                checks.String(config, at, "description", required: false);
                checks.Reference(config, at, "assigned_to", required: false);
                DueDate(checks, config, at);
                checks.OneOf(config, at, "priority", required: false, Priorities);
                break;
            case CrmActionTypes.SendNotification:
                checks.Reference(config, at, "user_id", required: true);
                checks.String(config, at, "message", required: true);
                checks.String(config, at, "title", required: false);
                checks.OneOf(config, at, "type", required: false, NotificationTypes);
                break;
            case CrmActionTypes.UpdateField:
                EntityTarget(checks, config, at, entityTypeRequired: true);
                checks.String(config, at, "field", required: true, allowPlaceholders: false);
                if (!config.ContainsKey("value"))
                {
                    checks.Add(SpecChecks.Property(at, "value"), "'value' is required (null clears the field).");
                }
                else
                {
                    checks.PlaceholdersIn(config["value"], SpecChecks.Property(at, "value"));
                }

                break;
            case CrmActionTypes.AssignUser:
                EntityTarget(checks, config, at, entityTypeRequired: false);
                checks.Reference(config, at, "user_id", required: true);
                break;
            case CrmActionTypes.AddTag:
                EntityTarget(checks, config, at, entityTypeRequired: false);
                checks.String(config, at, "tag", required: true);
                break;
            case CrmActionTypes.CallWebhook:
                Url(checks, config, at);
                checks.OneOf(config, at, "method", required: false, HttpMethods);
                Headers(checks, config, at);
                checks.PlaceholdersIn(config["body"], SpecChecks.Property(at, "body"));
                break;
            case CrmActionTypes.CreateActivity:
                checks.OneOf(config, at, "type", required: true, ActivityKinds);
                checks.String(config, at, "title", required: true);
                checks.String(config, at, "description", required: false);
                EntityTarget(checks, config, at, entityTypeRequired: false);
                break;
        }
    }

    /// <summary>entity_type and entity_id; both default to the entity that triggered the workflow.</summary>
    private static void EntityTarget(SpecChecks checks, JsonObject config, string at, bool entityTypeRequired)
    {
        checks.OneOf(config, at, "entity_type", entityTypeRequired, EntityTypes);
        checks.Reference(config, at, "entity_id", required: false);
    }

    private static void Recipients(SpecChecks checks, JsonObject config, string at, string name, bool required)
    {
        if (config[name] is JsonArray list)
        {
            var path = SpecChecks.Property(at, name);
            if (list.Count == 0 && required)
            {
                checks.Add(path, $"'{name}' must name at least one recipient.");
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (list[i]?.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(list[i]!.GetValue<string>()))
                {
                    checks.Add(SpecChecks.Index(path, i), $"A recipient must be an email address or a variable such as '{{{{organisation.email}}}}', not {SpecChecks.Describe(list[i])}.");
                }
                else
                {
                    Address(checks, list[i]!.GetValue<string>(), SpecChecks.Index(path, i));
                }
            }

            return;
        }

        var text = checks.String(config, at, name, required);
        if (text is not null)
        {
            Address(checks, text, SpecChecks.Property(at, name));
        }
    }

    private static void Address(SpecChecks checks, string text, string path)
    {
        if (!text.Contains("{{", StringComparison.Ordinal) && !EmailAddress().IsMatch(text.Trim()))
        {
            checks.Add(path, $"'{text}' is not an email address; write one such as 'admin@example.com' or a variable such as '{{{{organisation.email}}}}'.");
        }
    }

    /// <summary>"+7 days" (the seed's relative form), an ISO date "2025-12-31", or a variable.</summary>
    private static void DueDate(SpecChecks checks, JsonObject config, string at)
    {
        var text = checks.String(config, at, "due_date", required: false);
        if (text is null || text.Contains("{{", StringComparison.Ordinal) || TryRelative(text, out _))
        {
            return;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            || !char.IsDigit(text.Trim()[0]))
        {
            checks.Add(SpecChecks.Property(at, "due_date"),
                $"'{text}' must be a relative date like '+3 days' (or '+2 weeks', '+1 month', '+4 hours'), an ISO date such as '2025-12-31', or a variable.");
        }
    }

    /// <summary>"+3 days" -> "+3 days" normalised for our templates ({{ +3 days }}); French units accepted.</summary>
    public static bool TryRelative(string text, out string normalised)
    {
        var match = RelativeDate().Match(text.Trim());
        normalised = match.Success ? $"{match.Groups[1].Value}{match.Groups[2].Value} {match.Groups[3].Value.ToLowerInvariant()}" : "";
        return match.Success;
    }

    private static void Url(SpecChecks checks, JsonObject config, string at)
    {
        var url = checks.String(config, at, "url", required: true);
        if (url is null || url.StartsWith("{{", StringComparison.Ordinal))
        {
            return;
        }

        var ok = url.Contains("{{", StringComparison.Ordinal)
            ? url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            : Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
        if (!ok)
        {
            checks.Add(SpecChecks.Property(at, "url"), $"'{url}' is not an absolute http(s) URL such as 'https://hooks.example.com/crm'.");
        }
    }

    private static void Headers(SpecChecks checks, JsonObject config, string at)
    {
        if (!config.TryGetPropertyValue("headers", out var node) || node is null)
        {
            return;
        }

        var path = SpecChecks.Property(at, "headers");
        if (node is not JsonObject headers)
        {
            checks.Add(path, $"'headers' must be an object of header names to text values, not {SpecChecks.Describe(node)}.");
            return;
        }

        foreach (var (name, value) in headers)
        {
            if (value?.GetValueKind() != JsonValueKind.String)
            {
                checks.Add(SpecChecks.Property(path, name), $"Header '{name}' must be a string, not {SpecChecks.Describe(value)}.");
            }
            else
            {
                checks.Placeholders(value.GetValue<string>(), SpecChecks.Property(path, name));
            }
        }
    }

    [GeneratedRegex(@"^([+-])\s*(\d{1,4})\s*(minutes?|hours?|heures?|days?|jours?|weeks?|semaines?|months?|mois)$", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeDate();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();
}
