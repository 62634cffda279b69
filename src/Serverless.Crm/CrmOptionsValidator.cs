using Microsoft.Extensions.Options;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Scheduling;

namespace Serverless.Crm;

/// <summary>Checks the "Crm" settings at start, naming each bad one.</summary>
public sealed class CrmOptionsValidator : IValidateOptions<CrmOptions>
{
    public ValidateOptionsResult Validate(string? name, CrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        void Range(int value, int min, int max, string key)
        {
            if (value < min || value > max)
            {
                problems.Add($"Setting '{CrmOptions.SectionName}:{key}' must be between {min} and {max} (was {value}).");
            }
        }

        Range(options.WebhookTimeoutSeconds, 1, 300, nameof(CrmOptions.WebhookTimeoutSeconds));
        Range(options.RefreshSeconds, 1, 3600, nameof(CrmOptions.RefreshSeconds));
        Range(options.MaxCascadeDepth, 1, 50, nameof(CrmOptions.MaxCascadeDepth));
        Range(options.DryRunWaitSeconds, 1, 120, nameof(CrmOptions.DryRunWaitSeconds));
        Range(options.ExecutionRetentionDays, 1, 3650, nameof(CrmOptions.ExecutionRetentionDays));
        var jobs = options.Jobs ?? new CrmJobOptions();
        foreach (var (key, cron) in new[]
        {
            (nameof(CrmJobOptions.InactivityCron), jobs.InactivityCron),
            (nameof(CrmJobOptions.ScheduledCron), jobs.ScheduledCron),
            (nameof(CrmJobOptions.CleanupCron), jobs.CleanupCron),
        })
        {
            try
            {
                CronSchedule.Parse(new ScheduleTrigger(cron ?? "", jobs.TimeZone ?? ""));
            }
            catch (Exception e) when (e is FormatException or ArgumentException or TimeZoneNotFoundException or InvalidTimeZoneException
                or NCrontab.CrontabException)
            {
                problems.Add($"Setting '{CrmOptions.SectionName}:Jobs:{key}' ('{cron}') or 'Crm:Jobs:TimeZone' ('{jobs.TimeZone}') is not valid: {e.Message}");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
