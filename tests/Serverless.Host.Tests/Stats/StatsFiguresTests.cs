using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Serverless.Host.Tests.Support;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Store;

namespace Serverless.Host.Tests.Stats;

/// <summary>The same five instances give the same GET /api/stats answer, to the number, from the embedded runtime's
/// SQL and from the listing-based statistics the Functions app uses over Durable.</summary>
public sealed class StatsFiguresTests(EmbeddedHostFactory factory) : IClassFixture<EmbeddedHostFactory>
{
    [Fact]
    public async Task GetStats_EmbeddedRuntime_AnswersTheFiguresWorkedOutByHand()
    {
        // A host of its own: the other test's rows fall in the same days.
        await using var host = new EmbeddedHostFactory();
        var http = host.CreateClient();
        StatsInstances.Insert(host.Services.GetRequiredService<RuntimeDatabase>(), "sql");

        var body = await (await http.GetAsync($"/api/stats?workflowId=sql-hello&{StatsInstances.Range}")).ReadJsonAsync();
        var all = await (await http.GetAsync($"/api/stats?{StatsInstances.Range}")).ReadJsonAsync();

        body["totals"]!["executions"]!.GetValue<int>().Should().Be(3);
        body["workflows"]!.AsArray().Should().ContainSingle();
        JsonNode.DeepEquals(all, StatsInstances.Expected("sql")).Should().BeTrue(all.ToJsonString());
    }

    [Fact]
    public async Task GetStats_ListingStatistics_PagesThroughTheListAndAnswersTheSameFigures()
    {
        await using var server = await ApiTestServer.StartAsync();
        var items = StatsInstances.Summaries("list");
        var queries = new List<InstanceQuery>();
        server.Client.Setup(c => c.ListAsync(It.IsAny<InstanceQuery>(), It.IsAny<CancellationToken>()))
            .Callback<InstanceQuery, CancellationToken>((q, _) => queries.Add(q))
            .ReturnsAsync((InstanceQuery q, CancellationToken _) => q.ContinuationToken is null
                ? new InstancePage(items.Take(2).ToList(), "page-2")
                : new InstancePage(items.Skip(2).ToList(), null));

        var body = await (await server.Http.GetAsync($"/api/stats?{StatsInstances.Range}")).ReadJsonAsync();

        JsonNode.DeepEquals(body, StatsInstances.Expected("list")).Should().BeTrue(body.ToJsonString());
        queries.Select(q => q.ContinuationToken).Should().Equal(null, "page-2");
        queries.Should().OnlyContain(q => q.CreatedFrom == new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)
            && q.CreatedTo == new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero) && q.Limit == 1000 && q.WorkflowId == null);
    }

    [Fact]
    public async Task GetStats_HourBuckets_EveryBucketIsPresentWithZeros()
    {
        var http = factory.CreateClient();
        StatsInstances.Insert(factory.Services.GetRequiredService<RuntimeDatabase>(), "hours");

        var body = await (await http.GetAsync("/api/stats?workflowId=hours-hello&from=2026-03-01T06:00:00Z&to=2026-03-01T12:00:00Z&bucket=hour"))
            .ReadJsonAsync();

        var series = body["series"]!.AsArray();
        series.Select(p => p!["start"]!.GetValue<DateTimeOffset>().Hour).Should().Equal(6, 7, 8, 9, 10, 11);
        series.Select(p => p!["executions"]!.GetValue<int>()).Should().Equal(0, 0, 1, 1, 0, 0);
        series.Select(p => p!["failed"]!.GetValue<int>()).Should().Equal(0, 0, 0, 1, 0, 0);
    }
}
