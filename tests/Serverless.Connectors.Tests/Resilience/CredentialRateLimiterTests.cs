using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Connectors.DependencyInjection;
using Serverless.Connectors.Resilience;
using Serverless.Connectors.Tests.Fakes;

namespace Serverless.Connectors.Tests.Resilience;

public sealed class CredentialRateLimiterTests
{
    private static readonly ConnectorRateLimit OnePerMinute = new()
    {
        PermitLimit = 1,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    private static HttpRequestMessage Request(string? authorization, string url = "https://api.example.test/x")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return request;
    }

    [Fact]
    public async Task Acquire_SameCredentialTwice_SecondIsRefused()
    {
        using var limiter = CredentialRateLimiter.Create(OnePerMinute);
        using var r1 = Request("Bearer token-a");
        using var r2 = Request("Bearer token-a", "https://api.example.test/other-path");
        using var first = await limiter.AcquireAsync(r1);

        using var second = await limiter.AcquireAsync(r2);

        first.IsAcquired.Should().BeTrue();
        second.IsAcquired.Should().BeFalse("the path does not matter when there is a token");
    }

    [Fact]
    public async Task Acquire_OtherCredential_HasItsOwnBucket()
    {
        using var limiter = CredentialRateLimiter.Create(OnePerMinute);
        using var r1 = Request("Bearer token-a");
        using var r2 = Request("Bearer token-b");
        using var a = await limiter.AcquireAsync(r1);

        using var b = await limiter.AcquireAsync(r2);

        b.IsAcquired.Should().BeTrue();
    }

    [Fact]
    public async Task Acquire_WebhooksWithoutAuthorization_KeyedByTheirUrl()
    {
        using var limiter = CredentialRateLimiter.Create(OnePerMinute);
        using var hookA = Request(null, "https://hooks.example.test/services/T/B/secret-a");
        using var hookA2 = Request(null, "https://hooks.example.test/services/T/B/secret-a");
        using var hookB = Request(null, "https://hooks.example.test/services/T/B/secret-b");
        using var a = await limiter.AcquireAsync(hookA);

        using var b = await limiter.AcquireAsync(hookB);
        using var again = await limiter.AcquireAsync(hookA2);

        b.IsAcquired.Should().BeTrue();
        again.IsAcquired.Should().BeFalse();
    }

    [Fact]
    public async Task SameCredentialOtherConnector_HasItsOwnBucket()
    {
        await using var server = await FakeHubSpotServer.StartNewAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connectors:Sandbox:DatabasePath"] = Path.Combine(Path.GetTempPath(), $"limiter-{Guid.NewGuid():N}.db"),
        }).Build();
        var services = new ServiceCollection().AddConnectors(configuration);
        services.AddHttpClient("A").AddConnectorHandler("A", _ => OnePerMinute);
        services.AddHttpClient("B").AddConnectorHandler("B", _ => OnePerMinute);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        async Task<HttpResponseMessage> SendAsync(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.Url}/crm/v3/objects/contacts/search");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeHubSpotServer.Token);
            request.Content = new StringContent("{}");
            return await factory.CreateClient(client).SendAsync(request);
        }

        using var a = await SendAsync("A");
        var limitedA = async () => await SendAsync("A");
        using var b = await SendAsync("B");

        await limitedA.Should().ThrowAsync<Serverless.Runtime.Abstractions.ActivityException>();
        server.Requests.Should().HaveCount(2, "A's second call is refused by A's bucket; B has its own");
    }
}
