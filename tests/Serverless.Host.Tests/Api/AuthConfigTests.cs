using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Serverless.Host.Tests.Support;
using Serverless.Testing.Fakes.Entra;

namespace Serverless.Host.Tests.Api;

/// <summary>GET /api/auth/config tells the console how to sign in, as the management API would judge that very
/// caller, and reveals no secret; through the real routes, Entra ID tokens and keys both open the management API.</summary>
public sealed class AuthConfigTests
{
    private const string Key = "test-management-key-0123456789";

    [Fact]
    public async Task NothingConfigured_LocalCaller_NeedsNoKey()
    {
        await using var server = await SecuredApiTestServer.StartAsync(remoteIp: IPAddress.Loopback);

        var response = await server.Http.GetAsync("/api/auth/config");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue("the answer depends on who asks");
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"modes":["apiKey"],"keyRequired":false,"entra":null}""");
        (await server.Http.GetAsync("/api/workflows")).StatusCode.Should().Be(HttpStatusCode.OK, "what keyRequired false promises");
    }

    [Fact]
    public async Task NothingConfigured_RemoteCaller_NeedsAKey()
    {
        await using var server = await SecuredApiTestServer.StartAsync(remoteIp: IPAddress.Parse("203.0.113.7"));

        var body = await (await server.Http.GetAsync("/api/auth/config")).ReadJsonAsync();

        body["keyRequired"]!.GetValue<bool>().Should().BeTrue();
        (await server.Http.GetAsync("/api/workflows")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task KeysConfigured_EvenALocalCallerNeedsOne_AndTheKeyIsNotInTheAnswer()
    {
        await using var server = await SecuredApiTestServer.StartAsync(new Dictionary<string, string?> { ["Api:ApiKeys:0"] = Key }, IPAddress.Loopback);

        var text = await (await server.Http.GetAsync("/api/auth/config")).Content.ReadAsStringAsync();

        text.Should().Be("""{"modes":["apiKey"],"keyRequired":true,"entra":null}""");
    }

    [Fact]
    public async Task EntraIdConfigured_GivesAuthorityClientIdAndScope_AndATokenOpensTheApi()
    {
        await using var entra = await FakeEntraServer.StartAsync();
        var settings = entra.Settings();
        settings["Api:ApiKeys:0"] = Key;
        await using var server = await SecuredApiTestServer.StartAsync(settings, IPAddress.Parse("203.0.113.7"));

        var body = await (await server.Http.GetAsync("/api/auth/config")).ReadJsonAsync();

        body["modes"]!.AsArray().Select(m => m!.GetValue<string>()).Should().Equal("apiKey", "entra");
        body["keyRequired"]!.GetValue<bool>().Should().BeTrue();
        var sign = body["entra"]!.AsObject();
        sign["authority"]!.GetValue<string>().Should().Be($"{entra.BaseAddress}/{FakeEntraServer.TenantId}/v2.0");
        sign["clientId"]!.GetValue<string>().Should().Be(FakeEntraServer.ClientId);
        sign["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal($"api://{FakeEntraServer.ClientId}/access_as_user");
        body.ToJsonString().Should().NotContain(Key);

        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/api/workflows");
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", entra.CreateToken());
        (await server.Http.SendAsync(withToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        using var withKey = new HttpRequestMessage(HttpMethod.Get, "/api/workflows");
        withKey.Headers.Add("X-API-Key", Key);
        (await server.Http.SendAsync(withKey)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EntraIdOnly_OffersOnlyEntra_AndDefaultScopeIsDotDefault()
    {
        await using var entra = await FakeEntraServer.StartAsync();
        var settings = entra.Settings();
        settings["Api:EntraId:Scope"] = null;
        settings["Api:EntraId:Audience"] = null;
        await using var server = await SecuredApiTestServer.StartAsync(settings, IPAddress.Loopback);

        var body = await (await server.Http.GetAsync("/api/auth/config")).ReadJsonAsync();

        body["modes"]!.AsArray().Select(m => m!.GetValue<string>()).Should().Equal("entra");
        body["keyRequired"]!.GetValue<bool>().Should().BeTrue("with a credential configured, loopback is no exemption");
        body["entra"]!["scopes"]!.AsArray().Single()!.GetValue<string>().Should().Be($"api://{FakeEntraServer.ClientId}/.default");
    }

    [Fact]
    public async Task RefusedToken_ThroughTheRoutes_Is401ProblemWithReason_NeverEchoingTheToken()
    {
        await using var entra = await FakeEntraServer.StartAsync();
        await using var server = await SecuredApiTestServer.StartAsync(entra.Settings(), IPAddress.Parse("203.0.113.7"));
        var token = entra.CreateToken(audience: "api://someone-else");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instances");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await server.Http.SendAsync(request);
        var problem = await response.ShouldBeProblemAsync(401);

        problem["reason"]!.GetValue<string>().Should().Be("invalid_audience");
        response.Headers.WwwAuthenticate.ToString().Should().Contain("error=\"invalid_token\"");
        problem.ToJsonString().Should().NotContain(token.Split('.')[2]);
        server.Client.Invocations.Should().BeEmpty();
    }

    [Fact]
    public async Task AuthConfig_IsOpen_AndListedAsOpenInTheOpenApiDocument()
    {
        await using var server = await SecuredApiTestServer.StartAsync(new Dictionary<string, string?> { ["Api:ApiKeys:0"] = Key, ["Api:AllowLoopbackWithoutKey"] = "false" });

        (await server.Http.GetAsync("/api/auth/config")).StatusCode.Should().Be(HttpStatusCode.OK);
        var document = JsonNode.Parse(await server.Http.GetStringAsync("/api/openapi.json"))!;
        document["paths"]!["/api/auth/config"]!["get"]!["operationId"]!.GetValue<string>().Should().Be("GetAuthConfig");
    }
}
