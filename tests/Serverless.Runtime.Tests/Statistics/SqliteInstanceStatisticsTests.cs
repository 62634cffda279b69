using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Statistics;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Statistics;

public sealed class SqliteInstanceStatisticsTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task ComputeAsync_KnownInstances_AnswersTheFiguresWorkedOutByHand()
    {
        var database = InstanceRows.Database(folder.Path);
        InstanceRows.Insert(database, KnownInstances.Rows);

        var stats = await new SqliteInstanceStatistics(database)
            .ComputeAsync(new StatisticsQuery(KnownInstances.From, KnownInstances.To, StatisticsBucket.Day));

        stats.ShouldMatchTheKnownInstances();
    }

    [Fact]
    public async Task ComputeAsync_OneWorkflow_CountsOnlyItsInstances()
    {
        var database = InstanceRows.Database(folder.Path);
        InstanceRows.Insert(database, KnownInstances.Rows);

        var stats = await new SqliteInstanceStatistics(database)
            .ComputeAsync(new StatisticsQuery(KnownInstances.From, KnownInstances.To, StatisticsBucket.Day, "beta"));

        stats.Totals.Should().Be(new StatisticsTotals(3, 1, 0, 1, 1, 0.5, new DurationPercentiles(5000, 10_000, 10_000, 10_000)));
        stats.Workflows.Should().ContainSingle().Which.WorkflowId.Should().Be("beta");
        stats.Series.Select(p => p.Executions).Should().Equal(0, 1, 2);
    }

    public void Dispose() => folder.Dispose();
}
