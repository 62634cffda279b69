using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Store;
using Serverless.Runtime.Tests.Statistics;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Store;

public sealed class InstanceListTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly InstanceReader reader;

    public InstanceListTests()
    {
        var database = InstanceRows.Database(folder.Path);
        InstanceRows.Insert(database, KnownInstances.Rows);
        reader = new InstanceReader(database);
    }

    [Theory]
    [InlineData(true, "b3")]
    [InlineData(false, "x1 b2 b1 a4 a3 a2 a1 x0")]
    [InlineData(null, "x1 b3 b2 b1 a4 a3 a2 a1 x0")]
    public async Task ListAsync_DryRunFilter_ListsOnlyThoseRunsNewestFirst(bool? dryRun, string expected)
    {
        var page = await reader.ListAsync(new InstanceQuery(DryRun: dryRun), CancellationToken.None);

        page.Items.Select(i => i.InstanceId).Should().Equal(expected.Split(' '));
    }

    [Fact]
    public async Task ListAsync_EveryFilterTogether_ListsTheInstancesMatchingAll()
    {
        var page = await reader.ListAsync(new InstanceQuery("beta", InstanceStatus.Completed, KnownInstances.From, KnownInstances.To.AddTicks(-1),
            DryRun: true), CancellationToken.None);

        page.Items.Should().ContainSingle().Which.InstanceId.Should().Be("b3");
    }

    [Fact]
    public async Task ListAsync_FailedInstance_CarriesItsFailedStepAndError()
    {
        var page = await reader.ListAsync(new InstanceQuery("alpha", InstanceStatus.Failed), CancellationToken.None);

        var failed = page.Items.Should().ContainSingle().Subject;
        failed.Error.Should().Be(new ErrorInfo("Permanent", "Zoho CRM rejected the deal", "push"));
        (await reader.ListAsync(new InstanceQuery("alpha", InstanceStatus.Completed), CancellationToken.None))
            .Items.Should().OnlyContain(i => i.Error == null);
    }

    [Fact]
    public async Task ListAsync_PagesOfTwoWithFilters_ListEveryMatchOnceInOrder()
    {
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await reader.ListAsync(new InstanceQuery(DryRun: false, Limit: 2, ContinuationToken: token), CancellationToken.None);
            page.Items.Count.Should().BeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(i => i.InstanceId));
            token = page.ContinuationToken;
        }
        while (token is not null);

        seen.Should().Equal("x1", "b2", "b1", "a4", "a3", "a2", "a1", "x0");
    }

    public void Dispose() => folder.Dispose();
}
