using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Moq;
using Serverless.Engine.Interpreter;
using Serverless.Host.Tests.Support;
using Serverless.Runtime.Abstractions;

namespace Serverless.Host.Tests.Api;

public sealed class StartInstanceTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Start_NewInstance_Returns202WithLocationAndStatusUrl()
    {
        await using var server = await ApiTestServer.StartAsync();
        StartRequest? seen = null;
        server.Client.Setup(c => c.StartAsync(It.IsAny<StartRequest>(), It.IsAny<CancellationToken>()))
            .Callback<StartRequest, CancellationToken>((r, _) => seen = r)
            .ReturnsAsync(new StartResult("i-1", Created: true));

        var response = await server.Http.PostAsync("/api/workflows/hello/instances", Json("""{"name":"Ada"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().Should().Be("/api/instances/i-1");
        var body = await response.ReadJsonAsync();
        body["instanceId"]!.GetValue<string>().Should().Be("i-1");
        body["statusUrl"]!.GetValue<string>().Should().Be("/api/instances/i-1");
        seen!.WorkflowId.Should().Be("hello");
        seen.Input!["name"]!.GetValue<string>().Should().Be("Ada");
        seen.DryRun.Should().BeFalse();
    }

    [Fact]
    public async Task Start_IdempotencyKeySeenBefore_Returns200WithTheSameBody()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.SetupSequence(c => c.StartAsync(It.Is<StartRequest>(r => r.IdempotencyKey == "order-42"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StartResult("i-42", Created: true))
            .ReturnsAsync(new StartResult("i-42", Created: false));
        server.Client.Setup(c => c.GetAsync("i-42", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Views.Instance("i-42", InstanceStatus.Running));

        async Task<HttpResponseMessage> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/hello/instances") { Content = Json("{}") };
            request.Headers.Add("Idempotency-Key", "order-42");
            return await server.Http.SendAsync(request);
        }

        var first = await Post();
        var second = await Post();

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_InstanceIdOfAnotherWorkflow_Returns409NamingTheInstance()
    {
        await using var server = await ApiTestServer.StartAsync(new FakeCatalog(FakeCatalog.Definition("hello"), FakeCatalog.Definition("other")));
        server.Client.Setup(c => c.StartAsync(It.Is<StartRequest>(r => r.InstanceId == "mine"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StartResult("mine", Created: false));
        server.Client.Setup(c => c.GetAsync("mine", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Views.Instance("mine", InstanceStatus.Running, workflowId: "other"));

        var problem = await (await server.Http.PostAsync("/api/workflows/hello/instances?instanceId=mine", Json("{}"))).ShouldBeProblemAsync(409);

        problem["instanceId"]!.GetValue<string>().Should().Be("mine");
    }

    [Fact]
    public async Task Start_DryRunQuery_ReachesTheStartRequest()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.StartAsync(It.Is<StartRequest>(r => r.DryRun && r.InstanceId == "dry-1"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StartResult("dry-1", Created: true));

        var response = await server.Http.PostAsync("/api/workflows/hello/instances?dryRun=true&instanceId=dry-1", Json("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Start_VersionQuery_StartsThatVersion()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.StartAsync(It.Is<StartRequest>(r => r.Version == 1), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StartResult("v1", Created: true));

        var response = await server.Http.PostAsync("/api/workflows/hello/instances?version=1", Json("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Start_EmptyBody_StartsWithNullInput()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.Client.Setup(c => c.StartAsync(It.Is<StartRequest>(r => r.Input == null), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StartResult("e-1", Created: true));

        var response = await server.Http.PostAsync("/api/workflows/hello/instances", content: null);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Start_UnknownWorkflow_Returns404NamingTheWorkflow()
    {
        await using var server = await ApiTestServer.StartAsync();

        var problem = await (await server.Http.PostAsync("/api/workflows/nope/instances", Json("{}"))).ShouldBeProblemAsync(404);

        problem["workflowId"]!.GetValue<string>().Should().Be("nope");
    }

    [Fact]
    public async Task Start_BadJson_Returns400NamingLineAndPosition()
    {
        await using var server = await ApiTestServer.StartAsync();

        var problem = await (await server.Http.PostAsync("/api/workflows/hello/instances", Json("{\n  \"name\": tru }"))).ShouldBeProblemAsync(400);

        problem.ErrorFields().Should().Equal("body");
        problem["line"]!.GetValue<int>().Should().Be(2);
        problem["position"]!.GetValue<int>().Should().BePositive();
        problem["detail"]!.GetValue<string>().Should().Contain("line 2");
    }

    [Theory]
    [InlineData("dryRun=maybe", "dryRun")]
    [InlineData("version=0", "version")]
    [InlineData("instanceId=a%2Fb", "instanceId")]
    public async Task Start_InvalidQuery_Returns400NamingTheParameter(string query, string field)
    {
        await using var server = await ApiTestServer.StartAsync();

        var problem = await (await server.Http.PostAsync($"/api/workflows/hello/instances?{query}", Json("{}"))).ShouldBeProblemAsync(400);

        problem.ErrorFields().Should().Equal(field);
    }

    [Fact]
    public async Task Start_BodyOverTheLimit_Returns413()
    {
        await using var server = await ApiTestServer.StartAsync();
        var big = "{\"text\":\"" + new string('x', 1024 * 1024 + 10) + "\"}";

        await (await server.Http.PostAsync("/api/workflows/hello/instances", Json(big))).ShouldBeProblemAsync(413);
    }

    [Fact]
    public async Task Start_ChunkedBodyOverTheLimit_Returns413()
    {
        await using var server = await ApiTestServer.StartAsync();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("1", 600_000)) + "]")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/hello/instances") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await (await server.Http.SendAsync(request)).ShouldBeProblemAsync(413);
    }

    [Fact]
    public async Task Start_AnyJsonValue_IsTheInput()
    {
        await using var server = await ApiTestServer.StartAsync();
        JsonNode? input = null;
        server.Client.Setup(c => c.StartAsync(It.IsAny<StartRequest>(), It.IsAny<CancellationToken>()))
            .Callback<StartRequest, CancellationToken>((r, _) => input = r.Input)
            .ReturnsAsync(new StartResult("a-1", Created: true));

        await server.Http.PostAsync("/api/workflows/hello/instances", Json("[1,2,3]"));

        input!.AsArray().Should().HaveCount(3);
    }
}
