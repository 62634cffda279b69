using Microsoft.Extensions.DependencyInjection;
using Serverless.Connectors.ClickUp;
using Serverless.Connectors.Email;
using Serverless.Connectors.HubSpot;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Slack;

namespace Serverless.Connectors.Tests.Selection;

public sealed class ConnectorSelectionTests
{
    private static readonly Dictionary<string, string?> AllCredentials = new()
    {
        ["Connectors:HubSpot:AccessToken"] = "pat-1",
        ["Connectors:HubSpot:PortalId"] = "1",
        ["Connectors:ClickUp:ApiToken"] = "pk_1",
        ["Connectors:Smtp:Host"] = "smtp.example.test",
        ["Connectors:Smtp:From"] = "robot@example.test",
        ["Connectors:Slack:WebhookUrl"] = "https://hooks.slack.com/services/T000/B000/XXXX",
    };

    [Fact]
    public void For_NoCredentials_EveryConnectorIsSandbox()
    {
        using var host = ConnectorTestHost.Create();

        host.Connector<IHubSpotClient>().Should().NotBeOfType<HubSpotClient>();
        host.Connector<IClickUpClient>().Should().NotBeOfType<ClickUpClient>();
        host.Connector<IEmailSender>().Should().NotBeOfType<SmtpEmailSender>();
        host.Connector<ISlackWebhook>().Should().NotBeOfType<SlackWebhookClient>();
        host.Services.GetRequiredService<IConnectorProvider<IHubSpotClient>>().IsConfigured.Should().BeFalse();
    }

    [Fact]
    public void For_CredentialsSet_EveryConnectorIsReal()
    {
        using var host = ConnectorTestHost.Create(AllCredentials);

        host.Connector<IHubSpotClient>().Should().BeOfType<HubSpotClient>();
        host.Connector<IClickUpClient>().Should().BeOfType<ClickUpClient>();
        host.Connector<IEmailSender>().Should().BeOfType<SmtpEmailSender>();
        host.Connector<ISlackWebhook>().Should().BeOfType<SlackWebhookClient>();
    }

    [Fact]
    public void For_CredentialsSetButDryRun_EveryConnectorIsSandbox()
    {
        using var host = ConnectorTestHost.Create(AllCredentials);
        var dryRun = ConnectorTestHost.Context(dryRun: true);

        host.Connector<IHubSpotClient>(dryRun).Should().NotBeOfType<HubSpotClient>();
        host.Connector<IClickUpClient>(dryRun).Should().NotBeOfType<ClickUpClient>();
        host.Connector<IEmailSender>(dryRun).Should().NotBeOfType<SmtpEmailSender>();
        host.Connector<ISlackWebhook>(dryRun).Should().NotBeOfType<SlackWebhookClient>();
    }
}
