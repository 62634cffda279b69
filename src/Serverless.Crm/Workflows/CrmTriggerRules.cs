using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine.Loading;

namespace Serverless.Crm.Workflows;

/// <summary>trigger_config per trigger_type, and the cron a scheduled workflow runs on.</summary>
internal static class CrmTriggerRules
{
    public static readonly string[] Frequencies = ["daily", "weekly", "monthly"];
    public const string DefaultTime = "09:00";
    public const int DefaultInactivityDays = 30;
    public static readonly string[] InactivityEntities = ["organisation", "deal"];

    private static readonly string[] NoFields = [];
    private static readonly string[] StageFields = ["from_stage", "to_stage"];
    private static readonly string[] ScheduleFields = ["frequency", "time", "day_of_week", "day_of_month", "cron", "timezone"];
    private static readonly string[] InactivityFields = ["inactivity_days", "entity_type"];
    private static readonly string[] WebhookFields = ["auth"];
    private static readonly string[] FrequencyFields = ["frequency", "time", "day_of_week", "day_of_month"];

    /// <summary>ISO weekdays (1 = Monday) in English and French; cron counts 0 = Sunday.</summary>
    private static readonly Dictionary<string, int> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = 1, ["tuesday"] = 2, ["wednesday"] = 3, ["thursday"] = 4, ["friday"] = 5, ["saturday"] = 6, ["sunday"] = 0,
        ["lundi"] = 1, ["mardi"] = 2, ["mercredi"] = 3, ["jeudi"] = 4, ["vendredi"] = 5, ["samedi"] = 6, ["dimanche"] = 0,
    };

    public static void Validate(SpecChecks checks, string triggerType, JsonObject? config, string path)
    {
        config ??= [];
        switch (triggerType)
        {
            case CrmTriggerTypes.DealStageChanged:
                checks.UnknownProperties(config, path, StageFields);
                checks.String(config, path, "from_stage", required: false, allowPlaceholders: false);
                checks.String(config, path, "to_stage", required: false, allowPlaceholders: false);
                break;
            case CrmTriggerTypes.Scheduled:
                checks.UnknownProperties(config, path, ScheduleFields);
                ValidateSchedule(checks, config, path);
                break;
            case CrmTriggerTypes.InactivityDelay:
                checks.UnknownProperties(config, path, InactivityFields);
                InactivityDays(checks, config, path);
                checks.OneOf(config, path, "entity_type", required: false, InactivityEntities);
                break;
            case CrmTriggerTypes.Webhook:
                checks.UnknownProperties(config, path, WebhookFields);
                checks.OneOf(config, path, "auth", required: false, Engine.Definitions.WebhookAuth.All);
                break;
            default:
                checks.UnknownProperties(config, path, NoFields);
                break;
        }
    }

    /// <summary>The cron and time zone of a valid scheduled trigger_config.</summary>
    public static (string Cron, string TimeZone) Schedule(JsonObject? config)
    {
        var checks = new SpecChecks();
        config ??= [];
        var cron = ScheduleCron(checks, config, "$");
        var timeZone = Text(config, "timezone") ?? CrmNames.DefaultTimeZone;
        return (cron ?? "0 9 * * *", timeZone);
    }

    public static int InactivityDays(JsonObject? config) =>
        config is not null && config.TryGetPropertyValue("inactivity_days", out var node) && node?.GetValueKind() == JsonValueKind.Number
            ? node.GetValue<int>()
            : DefaultInactivityDays;

    public static string InactivityEntity(JsonObject? config) => Text(config, "entity_type")?.ToLowerInvariant() ?? "organisation";

    public static string? Text(JsonObject? config, string name) =>
        config is not null && config.TryGetPropertyValue(name, out var node) && node?.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : null;

    private static void ValidateSchedule(SpecChecks checks, JsonObject config, string path)
    {
        var cron = ScheduleCron(checks, config, path);
        var timeZone = checks.String(config, path, "timezone", required: false, allowPlaceholders: false) ?? CrmNames.DefaultTimeZone;
        if (cron is null)
        {
            return;
        }

        // The engine's loader is the authority on cron fields and time zones: check a one-trigger definition.
        var probe = new JsonObject
        {
            ["id"] = "crm.schedule-probe",
            ["triggers"] = new JsonArray(new JsonObject { ["type"] = "schedule", ["cron"] = cron, ["timeZone"] = timeZone }),
            ["steps"] = new JsonArray(new JsonObject { ["id"] = "noop", ["type"] = "set", ["variables"] = new JsonObject { ["x"] = 1 } }),
        };
        var explicitCron = config.ContainsKey("cron");
        foreach (var problem in new WorkflowDefinitionLoader().Load(probe.ToJsonString(), "schedule").Problems)
        {
            var target = problem.Path.EndsWith(".timeZone", StringComparison.Ordinal)
                ? SpecChecks.Property(path, "timezone")
                : SpecChecks.Property(path, explicitCron ? "cron" : "frequency");
            checks.Add(target, problem.Message);
        }
    }

    private static string? ScheduleCron(SpecChecks checks, JsonObject config, string path)
    {
        if (config.ContainsKey("cron"))
        {
            foreach (var other in FrequencyFields.Where(config.ContainsKey))
            {
                checks.Add(SpecChecks.Property(path, other), $"'{other}' cannot be combined with 'cron': give either a cron expression or a frequency.");
            }

            return checks.String(config, path, "cron", required: true, allowPlaceholders: false);
        }

        var frequency = checks.OneOf(config, path, "frequency", required: true, Frequencies);
        var time = checks.String(config, path, "time", required: false, allowPlaceholders: false) ?? DefaultTime;
        var parsedTime = ParseTime(time);
        if (parsedTime is null)
        {
            checks.Add(SpecChecks.Property(path, "time"), $"'{time}' is not a time of day; write HH:mm such as '09:00' or '14:30'.");
        }

        if (config.ContainsKey("day_of_week") && frequency != "weekly")
        {
            checks.Add(SpecChecks.Property(path, "day_of_week"), "'day_of_week' only applies to a weekly frequency.");
        }

        if (config.ContainsKey("day_of_month") && frequency != "monthly")
        {
            checks.Add(SpecChecks.Property(path, "day_of_month"), "'day_of_month' only applies to a monthly frequency.");
        }

        var weekday = frequency == "weekly" ? Weekday(checks, config, path) : null;
        var dayOfMonth = frequency == "monthly" ? DayOfMonth(checks, config, path) : null;
        if (frequency is null || parsedTime is not var (hour, minute))
        {
            return null;
        }

        return frequency switch
        {
            "weekly" => weekday is int d ? $"{minute} {hour} * * {d}" : null,
            "monthly" => dayOfMonth is int m ? $"{minute} {hour} {m} * *" : null,
            _ => $"{minute} {hour} * * *",
        };
    }

    private static (int Hour, int Minute)? ParseTime(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2
            && parts[0].Length is 1 or 2 && parts[1].Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) && minute is >= 0 and <= 59
            ? (hour, minute)
            : null;
    }

    /// <summary>Monday when absent (the seed's weekly run: lundi 9h).</summary>
    private static int? Weekday(SpecChecks checks, JsonObject config, string path)
    {
        if (!config.TryGetPropertyValue("day_of_week", out var node) || node is null)
        {
            return 1;
        }

        var at = SpecChecks.Property(path, "day_of_week");
        if (node.GetValueKind() == JsonValueKind.String && Weekdays.TryGetValue(node.GetValue<string>(), out var named))
        {
            return named;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var iso) && iso is >= 1 and <= 7)
        {
            return iso % 7;
        }

        checks.Add(at, $"'day_of_week' must be a weekday name ('monday' or 'lundi' ... 'sunday' or 'dimanche') or 1 (Monday) to 7 (Sunday), not {SpecChecks.Describe(node)}.");
        return null;
    }

    private static int? DayOfMonth(SpecChecks checks, JsonObject config, string path)
    {
        if (!config.TryGetPropertyValue("day_of_month", out var node) || node is null)
        {
            return 1;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var day) && day is >= 1 and <= 28)
        {
            return day;
        }

        checks.Add(SpecChecks.Property(path, "day_of_month"), $"'day_of_month' must be a whole number from 1 to 28 (so the workflow runs every month), not {SpecChecks.Describe(node)}.");
        return null;
    }

    private static void InactivityDays(SpecChecks checks, JsonObject config, string path)
    {
        if (!config.TryGetPropertyValue("inactivity_days", out var node) || node is null)
        {
            return;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var days) || days < 1)
        {
            checks.Add(SpecChecks.Property(path, "inactivity_days"), $"'inactivity_days' must be a whole number of days, 1 or more, not {SpecChecks.Describe(node)}.");
        }
    }
}
