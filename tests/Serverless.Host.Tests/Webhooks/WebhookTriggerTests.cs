using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Api.Webhooks;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Webhooks;

/// <summary>POST /api/hooks/{route} through the whole embedded host, with Webhooks:ApiKeys and Webhooks:Secrets set.</summary>
public sealed class WebhookTriggerTests(WebhookHostFactory factory) : IClassFixture<WebhookHostFactory>
{
    private const string Ada = """{"name":"Ada"}""";

    private readonly HttpClient http = factory.CreateClient();

    private static Dictionary<string, string> Key(string key) => new() { ["X-API-Key"] = key };

    [Fact]
    public void HookRoute_IsMappedOnce_AsPostApiHooksCatchAll()
    {
        var hooks = factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == WebhookTriggerEndpoints.EndpointName)
            .ToList();

        hooks.Should().ContainSingle("the test factory must not map the route again once Program.cs maps it");
        hooks[0].RoutePattern.RawText.Should().Be("/api/" + WebhookRoutes.Hooks);
        hooks[0].Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Should().Equal("POST");
    }

    [Fact]
    public async Task None_AnyCaller_Returns202WithLocationAndRunsWithBodyAsInput()
    {
        using var response = await http.PostHookAsync(WebhookWorkflows.OpenRoute, Ada);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        var instanceId = body["instanceId"]!.GetValue<string>();
        body["statusUrl"]!.GetValue<string>().Should().Be($"/api/instances/{instanceId}");
        response.Headers.Location!.ToString().Should().Be($"/api/instances/{instanceId}");

        var view = await http.WaitForStatusAsync(instanceId, "Completed");
        view["workflowId"]!.GetValue<string>().Should().Be("hook-open");
        view["input"]!.ToJsonString().Should().Be(Ada);
        view["output"]!["message"]!.GetValue<string>().Should().Be("Hello, Ada!");
        view["output"]!["trigger"]!["kind"]!.GetValue<string>().Should().Be("webhook");
        view["output"]!["trigger"]!["route"]!.GetValue<string>().Should().Be(WebhookWorkflows.OpenRoute);
    }

    [Fact]
    public async Task ApiKey_ConfiguredKeys_AreAccepted_IncludingTheRotatedOne()
    {
        using var first = await http.PostHookAsync(WebhookWorkflows.KeyRoute, Ada, Key(WebhookHostFactory.ApiKey));
        using var second = await http.PostHookAsync(WebhookWorkflows.KeyRoute, Ada, Key(WebhookHostFactory.RotatedApiKey));

        first.StatusCode.Should().Be(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        second.StatusCode.Should().Be(HttpStatusCode.Accepted, await second.Content.ReadAsStringAsync());
        var view = await http.WaitForStatusAsync((await first.ReadJsonAsync())["instanceId"]!.GetValue<string>(), "Completed");
        view["workflowId"]!.GetValue<string>().Should().Be("hook-key");
        view["output"]!["trigger"]!["route"]!.GetValue<string>().Should().Be(WebhookWorkflows.KeyRoute, "the declared '/crm/contact/' is normalized");
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("wrong-key-0123456789abcdef", "not a valid key")]
    [InlineData("webhook-test-key-012345678", "not a valid key")]
    public async Task ApiKey_MissingOrWrongKey_Returns401(string? key, string reason)
    {
        using var response = await http.PostHookAsync(WebhookWorkflows.KeyRoute, Ada, key is null ? null : Key(key));

        var problem = await response.ShouldBeProblemAsync(401);
        problem["detail"]!.GetValue<string>().Should().Contain("X-API-Key").And.Contain(reason);
    }

    [Fact]
    public async Task AuthOmitted_DefaultsToApiKey()
    {
        using var refused = await http.PostHookAsync(WebhookWorkflows.DefaultAuthRoute, Ada);
        using var accepted = await http.PostHookAsync(WebhookWorkflows.DefaultAuthRoute, Ada, Key(WebhookHostFactory.ApiKey));

        await refused.ShouldBeProblemAsync(401);
        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData(WebhookHostFactory.Secret)]
    [InlineData(WebhookHostFactory.RotatedSecret)]
    public async Task Hmac_SignedWithAConfiguredSecret_IsAcceptedAndTheBodyIsTheInput(string secret)
    {
        const string body = """{"name":"Grace", "note":"signed"}""";

        using var response = await http.PostHookAsync(WebhookWorkflows.SignedRoute, body, WebhookClient.Signed(secret, body));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var view = await http.WaitForStatusAsync((await response.ReadJsonAsync())["instanceId"]!.GetValue<string>(), "Completed");
        view["workflowId"]!.GetValue<string>().Should().Be("hook-signed");
        view["input"]!["note"]!.GetValue<string>().Should().Be("signed");
        view["output"]!["message"]!.GetValue<string>().Should().Be("Hello, Grace!");
    }

    [Fact]
    public async Task Hmac_WrongSecret_TamperedBody_OldOrFutureTimestamp_OrNoHeaders_Return401()
    {
        const string body = """{"name":"Grace"}""";
        var cases = new (string Why, string Body, Dictionary<string, string>? Headers, string Reason)[]
        {
            ("wrong secret", body, WebhookClient.Signed("another-secret-0123456789", body), "does not match"),
            ("tampered body", """{"name":"Mallory"}""", WebhookClient.Signed(WebhookHostFactory.Secret, body), "does not match"),
            ("old timestamp", body, WebhookClient.Signed(WebhookHostFactory.Secret, body, DateTimeOffset.UtcNow.AddMinutes(-6)), "outside the accepted window of 5 minutes"),
            ("future timestamp", body, WebhookClient.Signed(WebhookHostFactory.Secret, body, DateTimeOffset.UtcNow.AddMinutes(6)), "outside the accepted window"),
            ("no headers", body, null, "required"),
            ("api key instead", body, Key(WebhookHostFactory.ApiKey), "required"),
            ("bad format", body, new() { ["X-Signature-Timestamp"] = "now", ["X-Signature"] = "sha256=00" }, "Unix seconds"),
        };

        foreach (var (why, sent, headers, reason) in cases)
        {
            using var response = await http.PostHookAsync(WebhookWorkflows.SignedRoute, sent, headers);
            var problem = await response.ShouldBeProblemAsync(401);
            problem["detail"]!.GetValue<string>().Should().Contain(reason, why);
        }
    }

    [Fact]
    public async Task Hmac_SameRequestResentByteForByte_Returns200WithTheFirstInstance_NoSecond()
    {
        const string body = """{"name":"Replay", "delivery":"byte-for-byte"}""";
        var headers = WebhookClient.Signed(WebhookHostFactory.Secret, body);

        using var first = await http.PostHookAsync(WebhookWorkflows.SignedRoute, body, headers);
        using var resent = await http.PostHookAsync(WebhookWorkflows.SignedRoute, body, headers);

        first.StatusCode.Should().Be(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        resent.StatusCode.Should().Be(HttpStatusCode.OK, await resent.Content.ReadAsStringAsync());
        var firstBody = await first.ReadJsonAsync();
        var resentBody = await resent.ReadJsonAsync();
        resentBody["instanceId"]!.GetValue<string>().Should().Be(firstBody["instanceId"]!.GetValue<string>());
        resentBody["statusUrl"]!.GetValue<string>().Should().Be(firstBody["statusUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hmac_ResentWithANewIdempotencyKey_Returns401()
    {
        const string body = """{"name":"Replay", "delivery":"new-key"}""";
        var headers = WebhookClient.Signed(WebhookHostFactory.Secret, body, idempotencyKey: "delivery-1");

        using var first = await http.PostHookAsync(WebhookWorkflows.SignedRoute, body, headers);
        headers["Idempotency-Key"] = "delivery-2";
        using var resent = await http.PostHookAsync(WebhookWorkflows.SignedRoute, body, headers);

        first.StatusCode.Should().Be(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        var problem = await resent.ShouldBeProblemAsync(401);
        problem["detail"]!.GetValue<string>().Should().Contain("does not match");
    }

    [Fact]
    public async Task Hmac_ResentWithAQueryAdded_Returns401()
    {
        const string body = """{"name":"Replay", "delivery":"query"}""";
        var headers = WebhookClient.Signed(WebhookHostFactory.Secret, body);

        using var first = await http.PostHookAsync(WebhookWorkflows.SignedRoute, body, headers);
        using var resent = await http.PostHookAsync(WebhookWorkflows.SignedRoute + "?dryRun=true", body, headers);

        first.StatusCode.Should().Be(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        await resent.ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task Hmac_TimestampJustInsideTheWindow_IsAccepted()
    {
        using var response = await http.PostHookAsync(
            WebhookWorkflows.SignedRoute, Ada, WebhookClient.Signed(WebhookHostFactory.Secret, Ada, DateTimeOffset.UtcNow.AddMinutes(-4)));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("nothing/here")]
    [InlineData("open")]
    [InlineData("open/ping/more")]
    public async Task UnknownRoute_Returns404Problem(string route)
    {
        using var response = await http.PostHookAsync(route, Ada);

        var problem = await response.ShouldBeProblemAsync(404);
        problem["route"]!.GetValue<string>().Should().Be(route);
        problem["detail"]!.GetValue<string>().Should().Contain(route);
    }

    [Fact]
    public async Task RouteOfAnOlderVersionOnly_Returns404_AndTheLatestVersionsRouteStartsIt()
    {
        using var old = await http.PostHookAsync(WebhookWorkflows.OldRoute, Ada);
        using var latest = await http.PostHookAsync(WebhookWorkflows.NewRoute, Ada);

        await old.ShouldBeProblemAsync(404);
        latest.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var view = await http.WaitForStatusAsync((await latest.ReadJsonAsync())["instanceId"]!.GetValue<string>(), "Completed");
        view["workflowVersion"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task RouteDeclaredByTwoWorkflows_Returns409NamingBoth()
    {
        using var response = await http.PostHookAsync(WebhookWorkflows.SharedRoute, Ada);

        var problem = await response.ShouldBeProblemAsync(409);
        problem["workflowIds"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("hook-shared-a", "hook-shared-b");
    }

    [Fact]
    public async Task BadJson_Returns400NamingLineAndPosition()
    {
        using var response = await http.PostHookAsync(WebhookWorkflows.OpenRoute, "{\n  \"name\": }");

        var problem = await response.ShouldBeProblemAsync(400);
        problem["line"]!.GetValue<int>().Should().Be(2);
        problem["position"]!.GetValue<int>().Should().BeGreaterThan(1);
        problem["errors"]!["body"]![0]!.GetValue<string>().Should().Contain("line 2, position");
    }

    [Fact]
    public async Task NonJsonContentType_Returns415()
    {
        using var response = await http.PostHookAsync(WebhookWorkflows.OpenRoute, "name=Ada", contentType: "application/x-www-form-urlencoded");

        await response.ShouldBeProblemAsync(415);
    }

    [Fact]
    public async Task BadJson_IsCheckedAfterAuthentication()
    {
        const string broken = "{\"name\": ";

        using var unsigned = await http.PostHookAsync(WebhookWorkflows.SignedRoute, broken);
        using var signed = await http.PostHookAsync(WebhookWorkflows.SignedRoute, broken, WebhookClient.Signed(WebhookHostFactory.Secret, broken));
        using var noKey = await http.PostHookAsync(WebhookWorkflows.KeyRoute, broken);

        await unsigned.ShouldBeProblemAsync(401);
        await signed.ShouldBeProblemAsync(400);
        await noKey.ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task SameIdempotencyKey_Returns200WithTheFirstInstance_AnotherKeyStartsAnother()
    {
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "delivery-42" };

        using var first = await http.PostHookAsync(WebhookWorkflows.OpenRoute, Ada, headers);
        using var again = await http.PostHookAsync(WebhookWorkflows.OpenRoute, Ada, headers);
        using var other = await http.PostHookAsync(WebhookWorkflows.OpenRoute, Ada, new Dictionary<string, string> { ["Idempotency-Key"] = "delivery-43" });

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        var firstId = (await first.ReadJsonAsync())["instanceId"]!.GetValue<string>();
        (await again.ReadJsonAsync())["instanceId"]!.GetValue<string>().Should().Be(firstId);
        other.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await other.ReadJsonAsync())["instanceId"]!.GetValue<string>().Should().NotBe(firstId);
    }

    [Fact]
    public async Task InvalidIdempotencyKey_Returns400NamingTheHeader()
    {
        using var response = await http.PostHookAsync(WebhookWorkflows.OpenRoute, Ada, new Dictionary<string, string> { ["Idempotency-Key"] = "a/b" });

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().Should().Equal("Idempotency-Key");
    }

    [Fact]
    public async Task TriggerHeaders_AreTheSafeSubset_NeverCredentials()
    {
        var headers = new Dictionary<string, string>
        {
            ["X-API-Key"] = WebhookHostFactory.ApiKey,
            ["Authorization"] = "Bearer secret-token",
            ["Cookie"] = "session=secret",
            ["X-Signature"] = "sha256=" + new string('0', 64),
            ["User-Agent"] = "crm-sender/2.1",
            ["X-Request-Id"] = "req-7f3a",
            ["X-Custom"] = "not forwarded",
        };

        using var response = await http.PostHookAsync(WebhookWorkflows.KeyRoute, Ada, headers, "application/json; charset=utf-8");

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var view = await http.WaitForStatusAsync((await response.ReadJsonAsync())["instanceId"]!.GetValue<string>(), "Completed");
        var trigger = view["output"]!["trigger"]!.AsObject();
        var forwarded = trigger["headers"]!.AsObject();
        forwarded.Select(h => h.Key).Should().BeEquivalentTo(["content-type", "user-agent", "x-request-id"]);
        forwarded["content-type"]!.GetValue<string>().Should().Be("application/json; charset=utf-8");
        forwarded["user-agent"]!.GetValue<string>().Should().Be("crm-sender/2.1");
        forwarded["x-request-id"]!.GetValue<string>().Should().Be("req-7f3a");
        trigger.ToJsonString().Should().NotContain(WebhookHostFactory.ApiKey).And.NotContain("secret");
    }

    [Fact]
    public async Task EmptyBody_StartsWithNullInput()
    {
        using var response = await http.PostHookAsync(WebhookWorkflows.OpenRoute, "");

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var view = await http.WaitForStatusAsync((await response.ReadJsonAsync())["instanceId"]!.GetValue<string>(), "Failed");
        view["input"].Should().BeNull("demo.greet then fails for want of input.name, which shows the input really was empty");
    }
}

/// <summary>No Webhooks:ApiKeys or Webhooks:Secrets: hooks that ask for them answer 503 naming the setting, never open.</summary>
public sealed class UnconfiguredWebhookTests(UnconfiguredWebhookHostFactory factory) : IClassFixture<UnconfiguredWebhookHostFactory>
{
    private readonly HttpClient http = factory.CreateClient();

    [Fact]
    public async Task ApiKeyHook_WithoutConfiguredKeys_Returns503NamingTheSetting_EvenWithAKey()
    {
        using var response = await http.PostHookAsync(
            WebhookWorkflows.KeyRoute, """{"name":"Ada"}""", new Dictionary<string, string> { ["X-API-Key"] = WebhookHostFactory.ApiKey });

        var problem = await response.ShouldBeProblemAsync(503);
        problem["setting"]!.GetValue<string>().Should().Be("Webhooks:ApiKeys");
        problem["detail"]!.GetValue<string>().Should().Contain("Webhooks:ApiKeys").And.Contain("hook-key");
    }

    [Fact]
    public async Task HmacHook_WithoutConfiguredSecrets_Returns503NamingTheSetting()
    {
        const string body = """{"name":"Ada"}""";

        using var response = await http.PostHookAsync(WebhookWorkflows.SignedRoute, body, WebhookClient.Signed(WebhookHostFactory.Secret, body));

        var problem = await response.ShouldBeProblemAsync(503);
        problem["setting"]!.GetValue<string>().Should().Be("Webhooks:Secrets");
    }

    [Fact]
    public async Task OpenHook_StillWorks()
    {
        using var response = await http.PostHookAsync(WebhookWorkflows.OpenRoute, """{"name":"Ada"}""");

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }
}

/// <summary>A key or secret too short to be one stops the host at start, naming the setting and not the value.</summary>
public sealed class WebhookOptionsStartupTests
{
    [Theory]
    [InlineData("Webhooks:ApiKeys:0", "short-key", "Webhooks:ApiKeys:0", true)]
    [InlineData("Webhooks:Secrets:0", "  padded-secret-0123456789  ", "Webhooks:Secrets:0", true)]
    [InlineData("Webhooks:SignatureTolerance", "02:00:00", "Webhooks:SignatureTolerance", false)]
    public void InvalidSetting_FailsStartNamingIt(string key, string value, string setting, bool isSecret)
    {
        using var factory = new SettingsFactory(key, value);

        var start = () => factory.CreateClient();

        var thrown = start.Should().Throw<Exception>().Which;
        var messages = string.Join("\n", Flatten(thrown).Select(e => e.Message));
        messages.Should().Contain(setting);
        if (isSecret)
        {
            messages.Should().NotContain(value.Trim(), "a key or secret must never reach the logs");
        }
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private sealed class SettingsFactory(string key, string value) : WebhookHostFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string> { [key] = value };
    }
}
