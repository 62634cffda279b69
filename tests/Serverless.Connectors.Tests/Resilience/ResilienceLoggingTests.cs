using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Connectors.HubSpot;
using Serverless.Connectors.Slack;
using Serverless.Connectors.Tests.Fakes;
using Serverless.Connectors.Tests.HubSpot;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Tests.Resilience;

/// <summary>Tokens travel in headers and webhook URLs: retries, timeouts, open circuits and refusals are logged
/// (the resilience library's telemetry included) without any of them.</summary>
public sealed class ResilienceLoggingTests : IDisposable
{
    private readonly CapturedLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    private ConnectorTestHost Host(Dictionary<string, string?> settings) => ConnectorTestHost.Create(settings, configure: services =>
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs)));

    [Fact]
    public async Task HubSpot_RetriesTimeoutsAndRefusals_LogNeitherTokenNorPathNorBody()
    {
        await using var server = await FakeHubSpotServer.StartNewAsync();
        var settings = HubSpotClientTests.Settings(server.Url, FakeHubSpotServer.Token);
        settings["Connectors:Resilience:AttemptTimeout"] = "00:00:00.300";
        settings["Connectors:Resilience:MaxRetries"] = "1";
        using var host = Host(settings);
        server.Script(
            new ScriptedResponse(429, FakeHubSpotServer.Error("limit", "RATE_LIMITS")) { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } },
            new ScriptedResponse(200, "{}") { Delay = TimeSpan.FromSeconds(2) },
            new ScriptedResponse(500, "{}"),
            new ScriptedResponse(500, "{}"));
        var client = host.Connector<IHubSpotClient>();

        await FluentActions.Awaiting(() => client.FindContactByEmailAsync("secret.person@example.fr", default)).Should().ThrowAsync<ActivityException>();
        await FluentActions.Awaiting(() => client.FindContactByEmailAsync("secret.person@example.fr", default)).Should().ThrowAsync<ActivityException>();

        _logs.Lines.Should().Contain(l => l.Contains("retrying", StringComparison.Ordinal), "the retries are logged");
        _logs.Lines.Should().NotContain(l => l.Contains(FakeHubSpotServer.Token, StringComparison.Ordinal)
            || l.Contains("contacts/search", StringComparison.Ordinal) || l.Contains("secret.person", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slack_FailingWebhook_LogsWithoutTheWebhookSecret()
    {
        await using var server = await FakeSlackWebhook.StartNewAsync();
        using var host = Host(new Dictionary<string, string?> { ["Connectors:Slack:WebhookUrl"] = server.Url.TrimEnd('/') + FakeSlackWebhook.HookPath });
        server.Script(new ScriptedResponse(503, null), new ScriptedResponse(503, null));

        await host.Connector<ISlackWebhook>().PostAsync(new SlackMessage("hello"), default);

        _logs.Lines.Should().Contain(l => l.Contains("Slack: attempt", StringComparison.Ordinal));
        _logs.Lines.Should().NotContain(l => l.Contains("abcdefghijklmnopqrstuvwx", StringComparison.Ordinal));
    }
}
