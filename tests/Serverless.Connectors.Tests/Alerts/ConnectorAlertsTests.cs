using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Serverless.Connectors.Alerts;
using Serverless.Connectors.Email;
using Serverless.Connectors.HubSpot;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Tests.Fakes;
using Serverless.Connectors.Tests.HubSpot;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Tests.Alerts;

public sealed class ConnectorAlertsTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
    private readonly Mock<IEmailSender> _email = new();
    private readonly ThrottledConnectorAlerts _alerts;

    public ConnectorAlertsTests()
    {
        _email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(new EmailReceipt("<id@test>"));
        var provider = new Mock<IConnectorProvider<IEmailSender>>();
        provider.Setup(p => p.For(It.IsAny<ActivityContext>())).Returns(_email.Object);
        var options = new Mock<IOptionsMonitor<AlertOptions>>();
        options.Setup(o => o.CurrentValue).Returns(new AlertOptions { AdminRecipients = ["admin@example.test"] });
        _alerts = new ThrottledConnectorAlerts(provider.Object, options.Object, _time, NullLogger<ThrottledConnectorAlerts>.Instance);
    }

    [Fact]
    public async Task TokenRefused_ManyTimesWithinAnHour_SendsOneAlert()
    {
        for (var i = 0; i < 5; i++)
        {
            await _alerts.TokenRefusedAsync("HubSpot", default);
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        _email.Verify(e => e.SendAsync(It.Is<EmailMessage>(m => m.Subject.Contains("The HubSpot token is refused")
            && m.To.Count == 1 && m.To[0] == "admin@example.test"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task TokenRefused_AgainAfterAnHour_SendsASecondAlert()
    {
        await _alerts.TokenRefusedAsync("HubSpot", default);
        _time.Advance(TimeSpan.FromMinutes(61));

        await _alerts.TokenRefusedAsync("HubSpot", default);

        _email.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task TokenRefused_TwoConnectors_OneAlertEach()
    {
        await _alerts.TokenRefusedAsync("HubSpot", default);
        await _alerts.TokenRefusedAsync("ClickUp", default);
        await _alerts.TokenRefusedAsync("ClickUp", default);

        _email.Verify(e => e.SendAsync(It.Is<EmailMessage>(m => m.Subject.Contains("HubSpot")), It.IsAny<CancellationToken>()), Times.Once);
        _email.Verify(e => e.SendAsync(It.Is<EmailMessage>(m => m.Subject.Contains("ClickUp")), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task TokenRefused_EmailFails_DoesNotThrow()
    {
        _email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new ActivityException("Transient", "smtp down"));

        await FluentActions.Awaiting(() => _alerts.TokenRefusedAsync("HubSpot", default)).Should().NotThrowAsync();
    }

    [Fact]
    public async Task HubSpot401_ThreeRequests_OneAlertEmailRecordedBySandboxMail()
    {
        await using var server = await FakeHubSpotServer.StartNewAsync();
        using var host = ConnectorTestHost.Create(HubSpotClientTests.Settings(server.Url, "pat-wrong"));

        for (var i = 0; i < 3; i++)
        {
            await FluentActions.Awaiting(() => host.Connector<IHubSpotClient>().FindContactByEmailAsync("a@example.fr", default))
                .Should().ThrowAsync<ActivityException>();
        }

        var alerts = await host.CallLog.ListAsync(ThrottledConnectorAlerts.AlertInstanceId, default);
        alerts.Should().ContainSingle();
        alerts[0].Connector.Should().Be(SmtpOptions.ConnectorName);
        alerts[0].Request["subject"]!.GetValue<string>().Should().Be("[Serverless] The HubSpot token is refused");
        alerts[0].Request["to"]![0]!.GetValue<string>().Should().Be("admin@example.test");
    }
}
