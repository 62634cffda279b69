using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Connectors.HubSpot;
using Serverless.Connectors.Sandbox;

namespace Serverless.Connectors.Tests.Sandbox;

public sealed class SandboxApiTests
{
    [Fact]
    public async Task GetCalls_ForInstance_ListsRecordedCallsAsJson()
    {
        using var host = ConnectorTestHost.Create();
        await host.Connector<IHubSpotClient>(ConnectorTestHost.Context("api-1")).CreateContactAsync("client@example.fr", "C", "T", default);
        await using var app = await StartAsync(host.CallLog);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var body = await http.GetFromJsonAsync<JsonNode>("/api/sandbox/calls?instanceId=api-1");

        body!["instanceId"]!.GetValue<string>().Should().Be("api-1");
        body["count"]!.GetValue<int>().Should().Be(1);
        var call = body["calls"]![0]!;
        call["connector"]!.GetValue<string>().Should().Be("HubSpot");
        call["operation"]!.GetValue<string>().Should().Be("CreateContactAsync");
        call["request"]!["body"]!["properties"]!["email"]!.GetValue<string>().Should().Be("client@example.fr");
    }

    [Fact]
    public async Task GetCalls_WithoutInstanceId_IsABadRequestProblem()
    {
        using var host = ConnectorTestHost.Create();
        await using var app = await StartAsync(host.CallLog);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await http.GetAsync(new Uri("/api/sandbox/calls", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("instanceId");
    }

    private static async Task<WebApplication> StartAsync(ISandboxCallLog log)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(log);
        var app = builder.Build();
        app.MapSandboxApi();
        await app.StartAsync();
        return app;
    }
}
