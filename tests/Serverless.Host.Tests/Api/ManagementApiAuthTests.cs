using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Serverless.Api;
using Serverless.Api.Security;
using Serverless.Engine.Interpreter;
using Serverless.Host.Tests.Support;
using Serverless.Runtime.Abstractions;

namespace Serverless.Host.Tests.Api;

/// <summary>The management key through the real routes, filter and problem responses.</summary>
public sealed class ManagementApiAuthTests
{
    private const string Key = "test-management-key-0123456789";

    private static readonly Dictionary<string, string?> WithKey = new() { ["Api:ApiKeys:0"] = Key };

    /// <summary>Every management route of MapWorkflowApi (method, path).</summary>
    public static TheoryData<string, string> ManagementRoutes => new()
    {
        { "GET", "/api/workflows" },
        { "GET", "/api/workflows/hello" },
        { "POST", "/api/workflows/hello/instances" },
        { "GET", "/api/instances" },
        { "GET", "/api/instances/i-1" },
        { "POST", "/api/instances/i-1/events/go" },
        { "POST", "/api/instances/i-1/terminate" },
        { "POST", "/api/instances/i-1/replay" },
        { "DELETE", "/api/instances/i-1" },
        { "GET", "/api/deadletters" },
        { "POST", "/api/deadletters/messages/m-1/replay" },
        { "GET", "/api/stats" },
    };

    private static HttpRequestMessage Get(string path, string? header = null, string? value = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        return request;
    }

    [Theory]
    [MemberData(nameof(ManagementRoutes))]
    public async Task KeysConfigured_EveryManagementRoute_WithoutKey_Is401AndNeverReachesTheRuntime(string method, string path)
    {
        await using var server = await SecuredApiTestServer.StartAsync(WithKey, IPAddress.Loopback);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

        var problem = await (await server.Http.SendAsync(request)).ShouldBeProblemAsync(401);

        problem["reason"]!.GetValue<string>().Should().Be("missing_key");
        problem["detail"]!.GetValue<string>().Should().Contain("Api:ApiKeys").And.Contain("X-API-Key");
        server.Client.Invocations.Should().BeEmpty("the strict mock would have thrown; nothing may run before the key check");
    }

    [Theory]
    [InlineData("X-API-Key", Key)]
    [InlineData("Authorization", "Bearer " + Key)]
    public async Task KeysConfigured_RightKey_Is200(string header, string value)
    {
        await using var server = await SecuredApiTestServer.StartAsync(WithKey, IPAddress.Parse("203.0.113.7"));

        var response = await server.Http.SendAsync(Get("/api/workflows", header, value));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync())["items"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task KeysConfigured_RightKey_ReachesTheRuntime()
    {
        await using var server = await SecuredApiTestServer.StartAsync(WithKey, IPAddress.Parse("203.0.113.7"));
        server.Client.Setup(c => c.GetAsync("i-1", It.IsAny<CancellationToken>())).ReturnsAsync(Views.Instance("i-1", InstanceStatus.Completed));

        var response = await server.Http.SendAsync(Get("/api/instances/i-1", "X-API-Key", Key));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("X-API-Key", "test-management-key-012345678X")]
    [InlineData("Authorization", "Bearer not-the-management-key")]
    [InlineData("Authorization", "Basic dXNlcjpwYXNz")]
    public async Task KeysConfigured_WrongKey_Is401(string header, string value)
    {
        await using var server = await SecuredApiTestServer.StartAsync(WithKey, IPAddress.Loopback);

        var response = await server.Http.SendAsync(Get("/api/workflows", header, value));

        var problem = await response.ShouldBeProblemAsync(401);
        problem["reason"]!.GetValue<string>().Should().Be("invalid_key");
        response.Headers.WwwAuthenticate.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Health_StaysOpen_WithKeysConfigured_AndWithTheFallbackOff()
    {
        await using var keyed = await SecuredApiTestServer.StartAsync(WithKey, IPAddress.Parse("203.0.113.7"));
        await using var locked = await SecuredApiTestServer.StartAsync(
            new Dictionary<string, string?> { ["Api:AllowLoopbackWithoutKey"] = "false" }, IPAddress.Parse("203.0.113.7"));

        (await keyed.Http.GetAsync("/api/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await locked.Http.GetAsync("/api/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await keyed.Http.GetAsync(ApiRoutes.OpenApiDocument)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NoKeys_FallbackOn_LoopbackIsServed_RemoteIsRefusedWithTheSettingToSet()
    {
        await using var server = await SecuredApiTestServer.StartAsync(remoteIp: IPAddress.Loopback);

        (await server.Http.GetAsync("/api/workflows")).StatusCode.Should().Be(HttpStatusCode.OK);
        server.RemoteIp = IPAddress.IPv6Loopback;
        (await server.Http.GetAsync("/api/workflows")).StatusCode.Should().Be(HttpStatusCode.OK);
        server.RemoteIp = null;
        (await server.Http.GetAsync("/api/workflows")).StatusCode.Should().Be(HttpStatusCode.OK, "no address = in-process (TestServer) or a Unix socket");

        server.RemoteIp = IPAddress.Parse("192.168.1.20");
        var problem = await (await server.Http.GetAsync("/api/workflows")).ShouldBeProblemAsync(401);
        problem["reason"]!.GetValue<string>().Should().Be("not_local");
        problem["detail"]!.GetValue<string>().Should().Contain("Set Api:ApiKeys");
    }

    [Fact]
    public async Task NoKeys_FallbackOn_LoopbackRelayedByAProxy_IsRefused()
    {
        await using var server = await SecuredApiTestServer.StartAsync(remoteIp: IPAddress.Loopback);

        var response = await server.Http.SendAsync(Get("/api/workflows", "X-Forwarded-For", "203.0.113.7"));

        (await response.ShouldBeProblemAsync(401))["reason"]!.GetValue<string>().Should().Be("not_local");
    }

    [Fact]
    public async Task NoKeys_FallbackOff_EvenLoopbackIsRefused()
    {
        await using var server = await SecuredApiTestServer.StartAsync(
            new Dictionary<string, string?> { ["Api:AllowLoopbackWithoutKey"] = "false" }, IPAddress.Loopback);

        var problem = await (await server.Http.GetAsync("/api/workflows")).ShouldBeProblemAsync(401);

        problem["reason"]!.GetValue<string>().Should().Be("no_key_configured");
        problem["detail"]!.GetValue<string>().Should().Contain("Api:ApiKeys");
    }

    [Fact]
    public async Task RequireManagementKey_OnOtherRoutes_ProtectsThemToo()
    {
        await using var server = await SecuredApiTestServer.StartAsync(WithKey, IPAddress.Loopback, app =>
        {
            app.MapGroup("").RequireManagementKey().MapGet("/api/extra/whole-group", () => "ok");
            app.MapGroup("").RequireManagementKeyFor("Protected").MapGroup("/api/extra").MapGet("named", () => "ok").WithName("Protected");
            app.MapGroup("").RequireManagementKeyFor("Protected").MapGroup("/api/extra").MapGet("open", () => "ok").WithName("Open");
            app.MapGet("/api/extra/one", () => "ok").RequireManagementKey();
        });

        (await server.Http.GetAsync("/api/extra/whole-group")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await server.Http.GetAsync("/api/extra/named")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await server.Http.GetAsync("/api/extra/one")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await server.Http.GetAsync("/api/extra/open")).StatusCode.Should().Be(HttpStatusCode.OK, "only the named endpoints of the group");
        (await server.Http.SendAsync(Get("/api/extra/named", "X-API-Key", Key))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/apiKey)")]
    [InlineData("a key with spaces in it, long enough")]
    public async Task BadKeySetting_StopsTheStart_NamingTheSetting(string key)
    {
        var start = () => SecuredApiTestServer.StartAsync(new Dictionary<string, string?> { ["Api:ApiKeys:0"] = key });

        var error = (await start.Should().ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>()).Which;
        error.Message.Should().Contain("Api:ApiKeys:0").And.NotContain(key);
    }

    [Fact]
    public void EmbeddedHost_EveryWorkflowApiRoute_ButHealthAndOpenApi_RequiresTheKey()
    {
        using var factory = new EmbeddedHostFactory();
        var endpoints = factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } name && WorkflowApiNames.Contains(name))
            .ToList();

        endpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName).Should().BeEquivalentTo(WorkflowApiNames);
        foreach (var endpoint in endpoints)
        {
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName;
            (endpoint.Metadata.GetMetadata<ManagementEndpointMetadata>() is not null).Should().Be(name != "GetHealth", name);
        }
    }

    private static readonly HashSet<string> WorkflowApiNames =
    [
        "GetHealth", "ListWorkflows", "GetWorkflow", "StartInstance", "ListInstances", "GetInstance", "RaiseEvent",
        "TerminateInstance", "ReplayInstance", "PurgeInstance", "ListDeadLetters",
    ];
}
