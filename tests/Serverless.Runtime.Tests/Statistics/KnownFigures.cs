using Serverless.Runtime.Abstractions;

namespace Serverless.Runtime.Tests.Statistics;

/// <summary>What every implementation must answer for <see cref="KnownInstances"/> over its range by day.</summary>
internal static class KnownFigures
{
    public static void ShouldMatchTheKnownInstances(this InstanceStatistics stats)
    {
        stats.Truncated.Should().BeFalse();
        // 7 in range; durations of the 6 finished: 1000, 2000, 3000, 4000, 5000, 10000 (nearest rank: p50 = 3rd, p95 = p99 = 6th).
        stats.Totals.Should().Be(new StatisticsTotals(7, 4, 1, 1, 1, 4.0 / 6, new DurationPercentiles(3000, 10_000, 10_000, 10_000)));
        stats.Workflows.Should().Equal(
            new WorkflowStatistics("alpha", 4, 3, 1, 0, 0, 0.75, new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero),
                new DurationPercentiles(2000, 4000, 4000, 4000)),
            new WorkflowStatistics("beta", 3, 1, 0, 1, 1, 0.5, new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero),
                new DurationPercentiles(5000, 10_000, 10_000, 10_000)));
        stats.Series.Should().Equal(
            new StatisticsPoint(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), 2, 2, 0),
            new StatisticsPoint(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), 3, 1, 1),
            new StatisticsPoint(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), 2, 1, 0));
    }
}
