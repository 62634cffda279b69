using Serverless.Runtime.Abstractions;

namespace Serverless.Runtime.Statistics;

/// <summary>The UTC hour and day buckets of GET /api/stats: their size, where they start, how many a range spans and
/// the default range (the bucket holding the range's last instant and the 6 days or 47 hours before it).</summary>
public static class StatisticsBuckets
{
    public const int DefaultDays = 7;
    public const int DefaultHours = 48;

    public static TimeSpan Size(StatisticsBucket bucket) => bucket == StatisticsBucket.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>The start of the bucket that holds <paramref name="time"/>.</summary>
    public static DateTimeOffset Floor(DateTimeOffset time, StatisticsBucket bucket)
    {
        var utc = time.UtcTicks;
        return new DateTimeOffset(utc - (utc % Size(bucket).Ticks), TimeSpan.Zero);
    }

    /// <summary>Buckets from the one holding <paramref name="from"/> to the one holding the last instant before <paramref name="to"/>.</summary>
    public static long Count(DateTimeOffset from, DateTimeOffset to, StatisticsBucket bucket)
    {
        if (to <= from)
        {
            return 0;
        }

        var size = Size(bucket).Ticks;
        var span = to.UtcTicks - Floor(from, bucket).UtcTicks;
        return (span + size - 1) / size;
    }

    /// <summary>The start of the default range ending at <paramref name="to"/>: <see cref="DefaultDays"/> day buckets
    /// or <see cref="DefaultHours"/> hour buckets, the last one holding the instant just before <paramref name="to"/>.</summary>
    public static DateTimeOffset DefaultFrom(DateTimeOffset to, StatisticsBucket bucket)
    {
        var buckets = bucket == StatisticsBucket.Hour ? DefaultHours : DefaultDays;
        return Floor(to.AddTicks(-1), bucket) - (Size(bucket) * (buckets - 1));
    }
}
