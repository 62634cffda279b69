using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Statistics;

namespace Serverless.Runtime.Tests.Statistics;

public sealed class InstanceStatisticsBuilderTests
{
    private static readonly DateTimeOffset Day1 = KnownInstances.From;

    [Fact]
    public void Build_KnownInstances_CountsRatesPercentilesAndSeriesByDay()
    {
        var builder = new InstanceStatisticsBuilder(new StatisticsQuery(KnownInstances.From, KnownInstances.To, StatisticsBucket.Day));

        foreach (var row in KnownInstances.Rows)
        {
            builder.Add(row.WorkflowId, row.Status, row.CreatedAt, row.EndedAt);
        }

        builder.Build().ShouldMatchTheKnownInstances();
    }

    [Fact]
    public void Build_HourBuckets_HasEveryBucketOfTheRangeWithZeros()
    {
        var builder = new InstanceStatisticsBuilder(new StatisticsQuery(Day1, Day1.AddHours(6), StatisticsBucket.Hour, "alpha"));
        foreach (var row in KnownInstances.Rows)
        {
            builder.Add(row.WorkflowId, row.Status, row.CreatedAt, row.EndedAt);
        }

        var stats = builder.Build();

        stats.Series.Select(p => p.Start).Should().Equal(Enumerable.Range(0, 6).Select(h => Day1.AddHours(h)));
        stats.Series.Select(p => p.Executions).Should().Equal(0, 1, 1, 0, 0, 0);
        stats.Totals.Executions.Should().Be(2);
        stats.Workflows.Should().ContainSingle().Which.WorkflowId.Should().Be("alpha");
    }

    [Fact]
    public void Build_NothingFinished_HasNullRateAndDurations()
    {
        var builder = new InstanceStatisticsBuilder(new StatisticsQuery(Day1, Day1.AddDays(1), StatisticsBucket.Day));
        builder.Add("alpha", InstanceStatus.Waiting, Day1.AddHours(1), null).Should().BeTrue();

        var totals = builder.Build().Totals;

        totals.Should().Be(new StatisticsTotals(1, 0, 0, 0, 1, null, new DurationPercentiles(null, null, null, null)));
    }

    [Fact]
    public void Build_RangeNotOnABucketBoundary_SeriesStartsAtTheBucketHoldingFrom()
    {
        var from = Day1.AddHours(1).AddMinutes(30);
        var builder = new InstanceStatisticsBuilder(new StatisticsQuery(from, from.AddHours(2), StatisticsBucket.Hour));

        builder.Add("alpha", InstanceStatus.Completed, Day1.AddHours(1).AddMinutes(10), Day1.AddHours(2)).Should().BeFalse("before from");
        builder.Add("alpha", InstanceStatus.Completed, from, from.AddSeconds(1)).Should().BeTrue();
        builder.Add("alpha", InstanceStatus.Completed, Day1.AddHours(3).AddMinutes(29), null).Should().BeTrue();

        builder.Build().Series.Select(p => (p.Start, p.Executions)).Should().Equal(
            (Day1.AddHours(1), 1), (Day1.AddHours(2), 0), (Day1.AddHours(3), 1));
    }

    [Theory]
    [InlineData(100, 50)]
    [InlineData(100, 95)]
    [InlineData(100, 99)]
    [InlineData(1, 99)]
    [InlineData(7, 50)]
    public void Percentiles_AreNearestRank(int count, int percent)
    {
        var builder = new InstanceStatisticsBuilder(new StatisticsQuery(Day1, Day1.AddDays(1), StatisticsBucket.Day));
        for (var i = 1; i <= count; i++)
        {
            builder.Add("alpha", InstanceStatus.Completed, Day1, Day1.AddMilliseconds(i));
        }

        var durations = builder.Build().Totals.DurationMs;
        var value = percent switch { 50 => durations.P50, 95 => durations.P95, _ => durations.P99 };

        // The smallest duration with at least percent% of the durations at or below it: ceil(count * percent / 100).
        value.Should().Be((long)Math.Ceiling(count * percent / 100.0));
        durations.Max.Should().Be(count);
    }

    [Fact]
    public void DefaultFrom_SevenDayBucketsOr48HourBucketsEndingWithTheCurrentOne()
    {
        var now = new DateTimeOffset(2026, 3, 10, 15, 20, 0, TimeSpan.Zero);

        StatisticsBuckets.DefaultFrom(now, StatisticsBucket.Day).Should().Be(new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero));
        StatisticsBuckets.Count(StatisticsBuckets.DefaultFrom(now, StatisticsBucket.Day), now, StatisticsBucket.Day).Should().Be(7);
        StatisticsBuckets.DefaultFrom(now, StatisticsBucket.Hour).Should().Be(new DateTimeOffset(2026, 3, 8, 16, 0, 0, TimeSpan.Zero));
        StatisticsBuckets.Count(StatisticsBuckets.DefaultFrom(now, StatisticsBucket.Hour), now, StatisticsBucket.Hour).Should().Be(48);
        var midnight = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
        StatisticsBuckets.Count(StatisticsBuckets.DefaultFrom(midnight, StatisticsBucket.Day), midnight, StatisticsBucket.Day).Should().Be(7);
    }
}
