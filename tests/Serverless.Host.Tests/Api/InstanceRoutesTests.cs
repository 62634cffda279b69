using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Moq;
using Serverless.Engine.Interpreter;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Api;

public sealed class InstanceRoutesTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task GetInstance_Known_ShowsStatusInputOutputAndTimeline()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("i-1", It.IsAny<CancellationToken>())).ReturnsAsync(Views.Instance("i-1", InstanceStatus.Completed));

        var body = await (await server.Http.GetAsync("/api/instances/i-1")).ReadJsonAsync();

        body["status"]!.GetValue<string>().Should().Be("Completed");
        body["input"]!["name"]!.GetValue<string>().Should().Be("Ada");
        body["output"]!["message"]!.GetValue<string>().Should().Be("Hello, Ada!");
        var step = body["timeline"]![0]!;
        step["stepId"]!.GetValue<string>().Should().Be("greet");
        step["attempts"]!.GetValue<int>().Should().Be(1);
        step["startedAt"].Should().NotBeNull();
        step["endedAt"].Should().NotBeNull();
        step["output"]!["message"]!.GetValue<string>().Should().Be("Hello, Ada!");
    }

    [Fact]
    public async Task GetInstance_Unknown_Returns404NamingTheInstance()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("ghost", It.IsAny<CancellationToken>())).ReturnsAsync((Serverless.Runtime.Abstractions.InstanceView?)null);

        var problem = await (await server.Http.GetAsync("/api/instances/ghost")).ShouldBeProblemAsync(404);

        problem["instanceId"]!.GetValue<string>().Should().Be("ghost");
        problem["instance"]!.GetValue<string>().Should().Be("/api/instances/ghost");
    }

    [Fact]
    public async Task RaiseEvent_WaitingInstance_Returns202AndPassesThePayload()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("w-1", It.IsAny<CancellationToken>())).ReturnsAsync(Views.Instance("w-1", InstanceStatus.Waiting));
        server.Client.Setup(c => c.RaiseEventAsync("w-1", "approval", It.Is<JsonNode?>(p => (string)p!["decision"]! == "approved"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);

        var response = await server.Http.PostAsync("/api/instances/w-1/events/approval", Json("""{"decision":"approved"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        server.Client.VerifyAll();
    }

    [Fact]
    public async Task RaiseEvent_FinishedInstance_Returns409()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("done", It.IsAny<CancellationToken>())).ReturnsAsync(Views.Instance("done", InstanceStatus.Completed));

        var problem = await (await server.Http.PostAsync("/api/instances/done/events/approval", Json("{}"))).ShouldBeProblemAsync(409);

        problem["instanceId"]!.GetValue<string>().Should().Be("done");
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_Returns404()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("ghost", It.IsAny<CancellationToken>())).ReturnsAsync((Serverless.Runtime.Abstractions.InstanceView?)null);

        await (await server.Http.PostAsync("/api/instances/ghost/events/approval", Json("{}"))).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task RaiseEvent_BadJson_Returns400NamingTheBody()
    {
        await using var server = await ApiTestServer.StartAsync();

        var problem = await (await server.Http.PostAsync("/api/instances/w-1/events/approval", Json("{\"a\":"))).ShouldBeProblemAsync(400);

        problem.ErrorFields().Should().Equal("body");
    }

    [Fact]
    public async Task Terminate_RunningInstance_PassesTheReasonAndReturns202()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("r-1", It.IsAny<CancellationToken>())).ReturnsAsync(Views.Instance("r-1", InstanceStatus.Running));
        server.Client.Setup(c => c.TerminateAsync("r-1", "duplicate order", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var response = await server.Http.PostAsync("/api/instances/r-1/terminate", Json("""{"reason":"duplicate order"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        server.Client.VerifyAll();
    }

    [Fact]
    public async Task Terminate_FinishedInstance_Returns409()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("t-1", It.IsAny<CancellationToken>())).ReturnsAsync(Views.Instance("t-1", InstanceStatus.Terminated));

        await (await server.Http.PostAsync("/api/instances/t-1/terminate", content: null)).ShouldBeProblemAsync(409);
    }

    [Fact]
    public async Task Terminate_ReasonNotAString_Returns400NamingReason()
    {
        await using var server = await ApiTestServer.StartAsync();

        var problem = await (await server.Http.PostAsync("/api/instances/r-1/terminate", Json("""{"reason":42}"""))).ShouldBeProblemAsync(400);

        problem.ErrorFields().Should().Equal("reason");
    }

    [Fact]
    public async Task Replay_FailedInstance_Returns202()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("f-1", It.IsAny<CancellationToken>())).ReturnsAsync(Views.Instance("f-1", InstanceStatus.Failed));
        server.Client.Setup(c => c.ReplayAsync("f-1", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var response = await server.Http.PostAsync("/api/instances/f-1/replay", content: null);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().Should().Be("/api/instances/f-1");
    }

    [Fact]
    public async Task Replay_CompletedInstance_Returns409()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("c-1", It.IsAny<CancellationToken>())).ReturnsAsync(Views.Instance("c-1", InstanceStatus.Completed));

        var problem = await (await server.Http.PostAsync("/api/instances/c-1/replay", content: null)).ShouldBeProblemAsync(409);

        problem["detail"]!.GetValue<string>().Should().Contain("Completed");
    }

    [Fact]
    public async Task Delete_FinishedInstance_Returns204()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("c-1", It.IsAny<CancellationToken>())).ReturnsAsync(Views.Instance("c-1", InstanceStatus.Completed));
        server.Client.Setup(c => c.PurgeAsync("c-1", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var response = await server.Http.DeleteAsync("/api/instances/c-1");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Delete_RunningInstance_Returns409()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("r-1", It.IsAny<CancellationToken>())).ReturnsAsync(Views.Instance("r-1", InstanceStatus.Running));

        await (await server.Http.DeleteAsync("/api/instances/r-1")).ShouldBeProblemAsync(409);
    }

    [Fact]
    public async Task Delete_UnknownInstance_Returns404()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.GetAsync("ghost", It.IsAny<CancellationToken>())).ReturnsAsync((Serverless.Runtime.Abstractions.InstanceView?)null);

        await (await server.Http.DeleteAsync("/api/instances/ghost")).ShouldBeProblemAsync(404);
    }
}
