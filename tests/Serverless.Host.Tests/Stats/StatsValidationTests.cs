using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Serverless.Host.Tests.Support;
using Serverless.Runtime.Abstractions;

namespace Serverless.Host.Tests.Stats;

/// <summary>GET /api/stats: what reaches the statistics, and the 400s naming the parameter.</summary>
public sealed class StatsValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 20, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("bucket=week", "bucket")]
    [InlineData("bucket=hour&bucket=day", "bucket")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("workflowId=a&workflowId=b", "workflowId")]
    [InlineData("from=2026-03-02&to=2026-03-01", "to")]
    [InlineData("from=2026-03-01&to=2026-03-01", "to")]
    [InlineData("from=2026-04-01", "from")]
    [InlineData("from=2026-01-01&bucket=hour", "from")]
    [InlineData("from=2024-01-01&to=2026-01-01", "from")]
    public async Task GetStats_InvalidValue_Returns400NamingTheParameter(string query, string parameter)
    {
        var statistics = new Mock<IInstanceStatistics>(MockBehavior.Strict);
        await using var server = await StartAsync(statistics);

        var problem = await (await server.Http.GetAsync($"/api/stats?{query}")).ShouldBeProblemAsync(400);

        problem.ErrorFields().Should().Equal(parameter);
    }

    [Fact]
    public async Task GetStats_TooManyBuckets_SaysHowManyAndTheCap()
    {
        await using var server = await StartAsync(new Mock<IInstanceStatistics>(MockBehavior.Strict));

        var problem = await (await server.Http.GetAsync("/api/stats?from=2026-02-01&to=2026-03-01&bucket=hour")).ShouldBeProblemAsync(400);

        problem["errors"]!["from"]![0]!.GetValue<string>().Should().Contain("672 hour buckets").And.Contain("at most 400").And.Contain("bucket=day");
    }

    [Theory]
    [InlineData("", "2026-03-04T00:00:00Z", "2026-03-10T15:20:00Z", StatisticsBucket.Day, null)]
    [InlineData("bucket=hour", "2026-03-08T16:00:00Z", "2026-03-10T15:20:00Z", StatisticsBucket.Hour, null)]
    [InlineData("bucket=DAY&workflowId=hello", "2026-03-04T00:00:00Z", "2026-03-10T15:20:00Z", StatisticsBucket.Day, "hello")]
    [InlineData("to=2026-03-01", "2026-02-22T00:00:00Z", "2026-03-01T00:00:00Z", StatisticsBucket.Day, null)]
    [InlineData("from=2026-03-01T06:30:00Z", "2026-03-01T06:30:00Z", "2026-03-10T15:20:00Z", StatisticsBucket.Day, null)]
    [InlineData("from=2026-01-01&to=2026-02-01&bucket=day", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", StatisticsBucket.Day, null)]
    public async Task GetStats_Defaults_SevenDaysByDayOr48HoursByHourEndingNow(
        string query, string from, string to, StatisticsBucket bucket, string? workflowId)
    {
        var statistics = new Mock<IInstanceStatistics>(MockBehavior.Strict);
        StatisticsQuery? seen = null;
        statistics.Setup(s => s.ComputeAsync(It.IsAny<StatisticsQuery>(), It.IsAny<CancellationToken>()))
            .Callback<StatisticsQuery, CancellationToken>((q, _) => seen = q)
            .ReturnsAsync((StatisticsQuery q, CancellationToken _) => new InstanceStatistics(q.From, q.To, q.Bucket,
                new StatisticsTotals(0, 0, 0, 0, 0, null, new DurationPercentiles(null, null, null, null)), [], [], false));
        await using var server = await StartAsync(statistics);

        var body = await (await server.Http.GetAsync($"/api/stats?{query}")).ReadJsonAsync();

        seen.Should().Be(new StatisticsQuery(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture), bucket, workflowId));
        body["bucket"]!.GetValue<string>().Should().Be(bucket == StatisticsBucket.Hour ? "hour" : "day");
    }

    private static Task<ApiTestServer> StartAsync(Mock<IInstanceStatistics> statistics) =>
        ApiTestServer.StartAsync(configure: services =>
        {
            services.Replace(ServiceDescriptor.Singleton(statistics.Object));
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(Now)));
        });
}
