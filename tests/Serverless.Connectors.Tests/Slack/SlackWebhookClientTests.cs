using Serverless.Connectors.Slack;
using Serverless.Connectors.Tests.Fakes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Tests.Slack;

public sealed class SlackWebhookClientTests : IAsyncLifetime
{
    private FakeSlackWebhook _server = null!;

    public async Task InitializeAsync() => _server = await FakeSlackWebhook.StartNewAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ConnectorTestHost Host(string path) => ConnectorTestHost.Create(new Dictionary<string, string?>
    {
        ["Connectors:Slack:WebhookUrl"] = _server.Url.TrimEnd('/') + path,
    });

    [Fact]
    public async Task Post_ConfiguredHook_SendsTextAsJson()
    {
        using var host = Host(FakeSlackWebhook.HookPath);

        await host.Connector<ISlackWebhook>().PostAsync(new SlackMessage("Nouveau ticket *MODELISATION*"), default);

        var request = _server.Requests.Single();
        request.Path.Should().Be(FakeSlackWebhook.HookPath);
        request.Body!["text"]!.GetValue<string>().Should().Be("Nouveau ticket *MODELISATION*");
    }

    [Fact]
    public async Task Post_RevokedHook_FailsNotFoundWithSlacksErrorCode()
    {
        using var host = Host("/services/T0001/B0001/revoked");

        var failure = (await FluentActions.Awaiting(() => host.Connector<ISlackWebhook>().PostAsync(new SlackMessage("x"), default))
            .Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.NotFound);
        failure.Message.Should().Contain("no_service").And.NotContain("revoked");
    }
}
