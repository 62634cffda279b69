using System.Text.Json.Nodes;
using NCrontab;

namespace Serverless.Engine.Loading;

/// <summary>Cron with five fields (minute first) or six (seconds first), in an IANA time zone.</summary>
internal static class ScheduleRules
{
    public static void Validate(ValidationContext context, JsonObject obj, string path)
    {
        if (Fields.String(context, obj, path, "cron", Need.Required) is { } cron)
        {
            ValidateCron(context, cron, JsonPaths.Property(path, "cron"));
        }

        if (Fields.String(context, obj, path, "timeZone", Need.Defaulted) is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            context.Report(
                JsonPaths.Property(path, "timeZone"),
                $"Unknown time zone '{zone}'; use an IANA name such as 'Europe/Paris', 'America/New_York' or 'UTC'.");
        }
    }

    private static void ValidateCron(ValidationContext context, string cron, string path)
    {
        var fields = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            context.Report(
                path,
                $"The cron expression '{cron}' has {fields.Length} fields; write five (minute hour day month weekday) or six with seconds first.");
            return;
        }

        var options = new CrontabSchedule.ParseOptions { IncludingSeconds = fields.Length == 6 };
        var error = CrontabSchedule.TryParse(string.Join(' ', fields), options, _ => (string?)null, failure => failure().Message);
        if (error is not null)
        {
            context.Report(path, $"'{cron}' is not a valid cron expression ({error.TrimEnd('.')}).");
        }
    }
}
