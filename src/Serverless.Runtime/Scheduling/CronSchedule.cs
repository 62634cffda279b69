using NCrontab;
using Serverless.Engine.Definitions;

namespace Serverless.Runtime.Scheduling;

/// <summary>A schedule trigger's cron expression (five fields, or six with seconds first) in its IANA time zone.</summary>
public sealed class CronSchedule(CrontabSchedule schedule, TimeZoneInfo zone)
{
    public static CronSchedule Parse(ScheduleTrigger trigger)
    {
        var fields = trigger.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var schedule = CrontabSchedule.Parse(trigger.Cron, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
        return new CronSchedule(schedule, TimeZoneInfo.FindSystemTimeZoneById(trigger.TimeZone));
    }

    /// <summary>Due times (UTC) in (<paramref name="after"/>, <paramref name="until"/>], oldest first.</summary>
    public IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset after, DateTimeOffset until)
    {
        // Wall-clock times are walked in the zone, starting an hour early so a DST fold is not skipped.
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime.AddHours(-1);
        var end = TimeZoneInfo.ConvertTime(until, zone).DateTime.AddHours(1);
        while (true)
        {
            local = schedule.GetNextOccurrence(local);
            if (local > end)
            {
                yield break;
            }

            var utc = ToUtc(local);
            if (utc > after && utc <= until)
            {
                yield return utc;
            }
        }
    }

    private DateTimeOffset ToUtc(DateTime local)
    {
        if (zone.IsInvalidTime(local))
        {
            // In the spring-forward gap: run at the same wall time with the offset in force before it.
            return new DateTimeOffset(local, zone.GetUtcOffset(local.AddHours(-3))).ToUniversalTime();
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
