using System.Net;
using Serverless.Host.Tests.Support;
using Serverless.Runtime.Catalog;

namespace Serverless.Host.Tests.Api;

public sealed class WorkflowRoutesTests
{
    [Fact]
    public async Task ListWorkflows_TwoVersions_ShowsLatestAndAllVersions()
    {
        var catalog = new FakeCatalog(FakeCatalog.Definition("hello"), FakeCatalog.Definition("hello", 2), FakeCatalog.Definition("intake"))
        {
            Problems = [new CatalogProblem("broken.json", "steps[0].activity is required")],
        };
        await using var server = await ApiTestServer.StartAsync(catalog);

        var body = await (await server.Http.GetAsync("/api/workflows")).ReadJsonAsync();

        var items = body["items"]!.AsArray();
        items.Select(i => (string)i!["id"]!).Should().Equal("hello", "intake");
        items[0]!["latestVersion"]!.GetValue<int>().Should().Be(2);
        items[0]!["versions"]!.AsArray().Select(v => v!.GetValue<int>()).Should().Equal(1, 2);
        items[0]!["triggers"]!.AsArray().Select(t => (string)t!).Should().Equal("manual");
        body["problems"]!.AsArray().Single()!["source"]!.GetValue<string>().Should().Be("broken.json");
    }

    [Fact]
    public async Task GetWorkflow_Known_ReturnsLatestDefinition()
    {
        await using var server = await ApiTestServer.StartAsync();

        var body = await (await server.Http.GetAsync("/api/workflows/hello")).ReadJsonAsync();

        body["workflow"]!["versions"]!.AsArray().Should().HaveCount(2);
        body["definition"]!["version"]!.GetValue<int>().Should().Be(2);
        body["definition"]!["steps"]![0]!["type"]!.GetValue<string>().Should().Be("activity");
    }

    [Fact]
    public async Task GetWorkflow_VersionQuery_ReturnsThatVersion()
    {
        await using var server = await ApiTestServer.StartAsync();

        var body = await (await server.Http.GetAsync("/api/workflows/hello?version=1")).ReadJsonAsync();

        body["definition"]!["version"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task GetWorkflow_Unknown_Returns404NamingTheWorkflow()
    {
        await using var server = await ApiTestServer.StartAsync();

        var problem = await (await server.Http.GetAsync("/api/workflows/nope")).ShouldBeProblemAsync(404);

        problem["workflowId"]!.GetValue<string>().Should().Be("nope");
        problem["detail"]!.GetValue<string>().Should().Contain("nope");
    }

    [Fact]
    public async Task GetWorkflow_UnknownVersion_Returns404NamingTheVersion()
    {
        await using var server = await ApiTestServer.StartAsync();

        var problem = await (await server.Http.GetAsync("/api/workflows/hello?version=9")).ShouldBeProblemAsync(404);

        problem["detail"]!.GetValue<string>().Should().Contain("version 9");
    }

    [Fact]
    public async Task GetWorkflow_BadVersion_Returns400NamingTheParameter()
    {
        await using var server = await ApiTestServer.StartAsync();

        var problem = await (await server.Http.GetAsync("/api/workflows/hello?version=abc")).ShouldBeProblemAsync(400);

        problem.ErrorFields().Should().Equal("version");
    }

    [Fact]
    public async Task Health_NoChecksRegistered_ReturnsHealthy()
    {
        await using var server = await ApiTestServer.StartAsync();

        var response = await server.Http.GetAsync("/api/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync())["status"]!.GetValue<string>().Should().Be("Healthy");
    }

    [Fact]
    public async Task OpenApi_Document_ListsEveryRouteWithQueryParameters()
    {
        await using var server = await ApiTestServer.StartAsync();

        var response = await server.Http.GetAsync("/api/openapi.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await response.ReadJsonAsync();
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain([
            "/api/health", "/api/workflows", "/api/workflows/{workflowId}", "/api/workflows/{workflowId}/instances",
            "/api/instances", "/api/instances/{instanceId}", "/api/instances/{instanceId}/events/{eventName}",
            "/api/instances/{instanceId}/terminate", "/api/instances/{instanceId}/replay", "/api/deadletters",
        ]);
        var listParameters = document["paths"]!["/api/instances"]!["get"]!["parameters"]!.AsArray().Select(p => (string)p!["name"]!);
        listParameters.Should().Contain(["workflowId", "status", "createdFrom", "createdTo", "limit", "continuationToken"]);
    }
}
