using Serverless.Connectors.Resilience;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Tests.Resilience;

public sealed class CredentialRateLimitersTests
{
    private static readonly ConnectorPolicy Policy = new("HubSpot", new ConnectorRateLimit
    {
        PermitLimit = 1,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    });

    [Fact]
    public async Task Acquire_SameCredentialTwice_SecondIsRateLimited()
    {
        using var limiters = new CredentialRateLimiters();
        using var first = await limiters.AcquireAsync(Policy, "Bearer token-a", default);

        var act = async () => await limiters.AcquireAsync(Policy, "Bearer token-a", default);

        (await act.Should().ThrowAsync<ActivityException>()).Which.Kind.Should().Be(ErrorKinds.RateLimited);
    }

    [Fact]
    public async Task Acquire_OtherCredential_HasItsOwnBucket()
    {
        using var limiters = new CredentialRateLimiters();
        using var a = await limiters.AcquireAsync(Policy, "Bearer token-a", default);

        using var b = await limiters.AcquireAsync(Policy, "Bearer token-b", default);

        b.IsAcquired.Should().BeTrue();
        limiters.Count.Should().Be(2);
    }

    [Fact]
    public async Task Acquire_SameCredentialOtherConnector_HasItsOwnBucket()
    {
        using var limiters = new CredentialRateLimiters();
        using var a = await limiters.AcquireAsync(Policy, "shared", default);

        using var b = await limiters.AcquireAsync(Policy with { Name = "ClickUp" }, "shared", default);

        b.IsAcquired.Should().BeTrue();
    }
}
