using System.Diagnostics;
using Serverless.Connectors.HubSpot;
using Serverless.Connectors.Tests.Fakes;
using Serverless.Connectors.Tests.HubSpot;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Tests.Resilience;

/// <summary>The shared pipeline, driven through the real HubSpot client against the fake server.</summary>
public sealed class ResiliencePipelineTests : IAsyncLifetime
{
    private static readonly string RateLimitBody = FakeHubSpotServer.Error("You have reached your secondly limit.", "RATE_LIMITS");
    private FakeHubSpotServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeHubSpotServer.StartNewAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ConnectorTestHost Host(params (string Key, string Value)[] extra)
    {
        var settings = HubSpotClientTests.Settings(_server.Url, FakeHubSpotServer.Token);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return ConnectorTestHost.Create(settings);
    }

    private static ScriptedResponse TooManyRequests(string retryAfter) =>
        new(429, RateLimitBody) { Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter } };

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_WaitsAsToldThenSucceeds()
    {
        using var host = Host();
        _server.Script(TooManyRequests("1"), TooManyRequests("1"));

        var watch = Stopwatch.StartNew();
        var contact = await host.Connector<IHubSpotClient>().FindContactByEmailAsync("x@example.fr", default);

        contact.Should().BeNull();
        _server.Requests.Should().HaveCount(3);
        var at = _server.Requests.Select(r => r.At).ToArray();
        (at[1] - at[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), "Retry-After: 1 is honoured");
        (at[2] - at[1]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1900));
    }

    [Fact]
    public async Task TooManyRequests_Persisting_RetriesAtMostThreeTimesThenFailsRateLimited()
    {
        using var host = Host();
        _server.Script(Enumerable.Range(0, 6).Select(_ => TooManyRequests("0")).ToArray());

        var act = () => host.Connector<IHubSpotClient>().FindContactByEmailAsync("x@example.fr", default);

        var failure = (await act.Should().ThrowAsync<ActivityException>()).Which;
        failure.Kind.Should().Be(ErrorKinds.RateLimited);
        failure.Message.Should().Contain("secondly limit");
        _server.Requests.Should().HaveCount(4, "one attempt and at most 3 retries (seed: max 3)");
    }

    [Fact]
    public async Task TooManyRequests_LongRetryAfter_FailsAtOnceWithRetryAfterForTheDurableRetry()
    {
        using var host = Host();
        _server.Script(TooManyRequests("120"));

        var act = () => host.Connector<IHubSpotClient>().FindContactByEmailAsync("x@example.fr", default);

        var failure = (await act.Should().ThrowAsync<ActivityException>()).Which;
        failure.Kind.Should().Be(ErrorKinds.RateLimited);
        failure.RetryAfter.Should().Be(TimeSpan.FromSeconds(120));
        _server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task ServerError_ThenSuccess_IsRetriedTransparently()
    {
        using var host = Host();
        _server.Script(new ScriptedResponse(500, FakeHubSpotServer.Error("internal error", "INTERNAL_ERROR")));

        var contact = await host.Connector<IHubSpotClient>().CreateContactAsync("after500@example.fr", "A", "B", default);

        contact.Id.Should().NotBeNullOrEmpty();
        _server.Requests.Should().HaveCount(2);
        _server.Contacts.Should().ContainKey("after500@example.fr");
    }

    [Fact]
    public async Task ServerError_Persisting_FailsTransientAfterThreeRetries()
    {
        using var host = Host();
        _server.Script(Enumerable.Range(0, 4).Select(_ => new ScriptedResponse(503, FakeHubSpotServer.Error("unavailable", "INTERNAL_ERROR"))).ToArray());

        var act = () => host.Connector<IHubSpotClient>().FindContactByEmailAsync("x@example.fr", default);

        (await act.Should().ThrowAsync<ActivityException>()).Which.Kind.Should().Be(ErrorKinds.Transient);
        _server.Requests.Should().HaveCount(4);
    }

    [Fact]
    public async Task SlowServer_EachAttemptTimesOut_FailsAsTimeoutAfterThreeRetries()
    {
        using var host = Host(("Connectors:Resilience:AttemptTimeout", "00:00:01"));
        _server.Script(Enumerable.Range(0, 4).Select(_ => new ScriptedResponse(200, "{}") { Delay = TimeSpan.FromSeconds(10) }).ToArray());

        var act = () => host.Connector<IHubSpotClient>().FindContactByEmailAsync("x@example.fr", default);

        (await act.Should().ThrowAsync<ActivityException>()).Which.Kind.Should().Be(ErrorKinds.Timeout);
        _server.Requests.Should().HaveCount(4);
    }

    [Fact]
    public async Task SlowServer_OnceThenFast_SucceedsOnRetry()
    {
        using var host = Host(("Connectors:Resilience:AttemptTimeout", "00:00:01"));
        _server.Script(new ScriptedResponse(200, "{}") { Delay = TimeSpan.FromSeconds(5) });

        (await host.Connector<IHubSpotClient>().FindContactByEmailAsync("x@example.fr", default)).Should().BeNull();
        _server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task RepeatedFailures_OpenTheCircuit_NextCallFailsWithoutReachingTheServer()
    {
        using var host = Host(("Connectors:Resilience:MaxRetries", "0"), ("Connectors:Resilience:BreakerMinimumThroughput", "2"),
            ("Connectors:Resilience:BreakerDuration", "00:00:30"));
        _server.Script(new ScriptedResponse(500, "{}"), new ScriptedResponse(500, "{}"));
        var client = host.Connector<IHubSpotClient>();

        for (var i = 0; i < 2; i++)
        {
            await FluentActions.Awaiting(() => client.FindContactByEmailAsync("x@example.fr", default)).Should().ThrowAsync<ActivityException>();
        }

        var failure = (await FluentActions.Awaiting(() => client.FindContactByEmailAsync("x@example.fr", default))
            .Should().ThrowAsync<ActivityException>()).Which;
        failure.Kind.Should().Be(ErrorKinds.Transient);
        failure.Message.Should().Contain("circuit open");
        _server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task RateLimiter_BucketEmptyAndNoQueue_FailsRateLimitedBeforeCallingTheServer()
    {
        using var host = Host(("Connectors:HubSpot:RateLimit:PermitLimit", "1"), ("Connectors:HubSpot:RateLimit:TokensPerPeriod", "1"),
            ("Connectors:HubSpot:RateLimit:ReplenishmentPeriod", "00:01:00"), ("Connectors:HubSpot:RateLimit:QueueLimit", "0"));
        var client = host.Connector<IHubSpotClient>();
        await client.FindContactByEmailAsync("first@example.fr", default);

        var failure = (await FluentActions.Awaiting(() => client.FindContactByEmailAsync("second@example.fr", default))
            .Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.RateLimited);
        failure.RetryAfter.Should().BePositive();
        _server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task RateLimiter_BucketEmptyWithQueue_DelaysTheCallUntilATokenIsBack()
    {
        using var host = Host(("Connectors:HubSpot:RateLimit:PermitLimit", "1"), ("Connectors:HubSpot:RateLimit:TokensPerPeriod", "1"),
            ("Connectors:HubSpot:RateLimit:ReplenishmentPeriod", "00:00:00.500"), ("Connectors:HubSpot:RateLimit:QueueLimit", "5"));
        var client = host.Connector<IHubSpotClient>();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => client.FindContactByEmailAsync($"q{i}@example.fr", default)));

        var at = _server.Requests.Select(r => r.At).Order().ToArray();
        (at[2] - at[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(800), "1 token then 1 per 500 ms");
    }
}
