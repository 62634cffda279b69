using Moq;
using Serverless.Engine.Interpreter;
using Serverless.Host.Tests.Support;
using Serverless.Runtime.Abstractions;

namespace Serverless.Host.Tests.Api;

public sealed class ListingTests
{
    [Fact]
    public async Task ListInstances_AllFilters_ReachTheQuery()
    {
        await using var server = await ApiTestServer.StartAsync();
        InstanceQuery? seen = null;
        server.Client.Setup(c => c.ListAsync(It.IsAny<InstanceQuery>(), It.IsAny<CancellationToken>()))
            .Callback<InstanceQuery, CancellationToken>((q, _) => seen = q)
            .ReturnsAsync(new InstancePage(
                [new InstanceSummary("i-1", "hello", 1, InstanceStatus.Waiting, Views.Created, null, DryRun: true)],
                "next-page"));

        var body = await (await server.Http.GetAsync(
            "/api/instances?workflowId=hello&status=waiting&dryRun=true&createdFrom=2026-11-01T00:00:00Z&createdTo=2026-11-30&limit=10&continuationToken=abc"))
            .ReadJsonAsync();

        seen.Should().Be(new InstanceQuery("hello", InstanceStatus.Waiting,
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), 10, "abc", DryRun: true));
        body["continuationToken"]!.GetValue<string>().Should().Be("next-page");
        var item = body["items"]![0]!;
        item["status"]!.GetValue<string>().Should().Be("Waiting");
        item["dryRun"]!.GetValue<bool>().Should().BeTrue();
        item["statusUrl"]!.GetValue<string>().Should().Be("/api/instances/i-1");
        item["failedStep"].Should().BeNull();
        item["error"].Should().BeNull();
    }

    [Theory]
    [InlineData("dryRun=false", false)]
    [InlineData("dryRun=TRUE", true)]
    [InlineData("", null)]
    public async Task ListInstances_DryRun_ReachesTheQueryAsAFilterOrNone(string query, bool? expected)
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.ListAsync(It.Is<InstanceQuery>(q => q.DryRun == expected), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new InstancePage([], null));

        var response = await server.Http.GetAsync($"/api/instances?{query}");

        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ListInstances_FailedInstance_ShowsItsFailedStepAndError()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.ListAsync(It.IsAny<InstanceQuery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new InstancePage(
                [new InstanceSummary("f-1", "hello", 1, InstanceStatus.Failed, Views.Created, Views.Created, false,
                    new ErrorInfo("Permanent", "The mail server refused.", "send"))],
                null));

        var item = (await (await server.Http.GetAsync("/api/instances?status=Failed")).ReadJsonAsync())["items"]![0]!;

        item["failedStep"]!.GetValue<string>().Should().Be("send");
        item["error"]!.ToJsonString().Should().Be("""{"kind":"Permanent","message":"The mail server refused."}""");
    }

    [Fact]
    public async Task ListInstances_NoLimit_UsesTheDefaultPageSize()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.ListAsync(It.Is<InstanceQuery>(q => q.Limit == 50), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new InstancePage([], null));

        var response = await server.Http.GetAsync("/api/instances");

        response.EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData("status=Sleeping", "status")]
    [InlineData("status=7", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    [InlineData("createdFrom=yesterday", "createdFrom")]
    [InlineData("createdFrom=2026-02-01&createdTo=2026-01-01", "createdTo")]
    [InlineData("workflowId=a&workflowId=b", "workflowId")]
    [InlineData("dryRun=maybe", "dryRun")]
    [InlineData("dryRun=", "dryRun")]
    [InlineData("dryRun=1", "dryRun")]
    public async Task ListInstances_InvalidValue_Returns400NamingTheParameter(string query, string parameter)
    {
        await using var server = await ApiTestServer.StartAsync();

        var problem = await (await server.Http.GetAsync($"/api/instances?{query}")).ShouldBeProblemAsync(400);

        problem.ErrorFields().Should().Equal(parameter);
    }

    [Fact]
    public async Task ListInstances_ForeignContinuationToken_Returns400NamingIt()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.ListAsync(It.IsAny<InstanceQuery>(), It.IsAny<CancellationToken>())).ThrowsAsync(new FormatException("bad token"));

        var problem = await (await server.Http.GetAsync("/api/instances?continuationToken=zzz")).ShouldBeProblemAsync(400);

        problem.ErrorFields().Should().Equal("continuationToken");
    }

    [Fact]
    public async Task DeadLetters_FailedInstances_ListTheFailedStepAndReason()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.ListAsync(It.Is<InstanceQuery>(q => q.Status == InstanceStatus.Failed), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new InstancePage([new InstanceSummary("f-1", "hello", 1, InstanceStatus.Failed, Views.Created, Views.Created, false)], null));
        server.Client.Setup(c => c.GetAsync("f-1", It.IsAny<CancellationToken>())).ReturnsAsync(Views.Instance("f-1", InstanceStatus.Failed));

        var body = await (await server.Http.GetAsync("/api/deadletters")).ReadJsonAsync();

        var item = body["items"]![0]!;
        item["id"]!.GetValue<string>().Should().Be("f-1");
        item["stepId"]!.GetValue<string>().Should().Be("send");
        item["reason"]!.GetValue<string>().Should().Be("The mail server refused.");
        item["replayUrl"]!.GetValue<string>().Should().Be("/api/instances/f-1/replay");
    }

    [Fact]
    public async Task DeadLetters_ListingCarriesTheError_NoInstanceIsReadOneByOne()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.ListAsync(It.Is<InstanceQuery>(q => q.Status == InstanceStatus.Failed), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new InstancePage([new InstanceSummary("f-2", "hello", 1, InstanceStatus.Failed, Views.Created, Views.Created, false,
                new ErrorInfo("Permanent", "The CRM refused.", "push"))], null));

        var item = (await (await server.Http.GetAsync("/api/deadletters")).ReadJsonAsync())["items"]![0]!;

        item["stepId"]!.GetValue<string>().Should().Be("push");
        item["reason"]!.GetValue<string>().Should().Be("The CRM refused.");
        server.Client.Verify(c => c.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task DeadLetters_BadLimit_Returns400NamingLimit()
    {
        await using var server = await ApiTestServer.StartAsync();

        var problem = await (await server.Http.GetAsync("/api/deadletters?limit=-1")).ShouldBeProblemAsync(400);

        problem.ErrorFields().Should().Equal("limit");
    }
}
