using Microsoft.Data.Sqlite;
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
using Serverless.Storage;
using Serverless.Storage.Tables;
using Serverless.Storage.Tables.Sqlite;

namespace Serverless.Connectors.Tests.Alerts;

public sealed class ConnectorAlertsTests : IDisposable
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
    private readonly Mock<IEmailSender> _email = new();
    private readonly Mock<IConnectorProvider<IEmailSender>> _provider = new();
    private readonly Mock<IOptionsMonitor<AlertOptions>> _options = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("connector-alerts-").FullName;
    private readonly ThrottledConnectorAlerts _alerts;

    public ConnectorAlertsTests()
    {
        _email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(new EmailReceipt("<id@test>"));
        _provider.Setup(p => p.For(It.IsAny<ActivityContext>())).Returns(_email.Object);
        _options.Setup(o => o.CurrentValue).Returns(new AlertOptions { AdminRecipients = ["admin@example.test"] });
        _alerts = Alerts(Store());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
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
    public async Task TokenRefused_TwoHostsSharingTheStoreAtOnce_SendOneAlert()
    {
        // Two workers: their own throttle and store instances, one shared database.
        var (first, second) = (Alerts(Store()), Alerts(Store()));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).TokenRefusedAsync("HubSpot", default))));
        _time.Advance(TimeSpan.FromMinutes(30));
        await second.TokenRefusedAsync("hubspot", default);

        _email.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task TokenRefused_AnotherHostAfterTheInterval_SendsTheNextAlert()
    {
        var (first, second) = (Alerts(Store()), Alerts(Store()));
        await first.TokenRefusedAsync("ClickUp", default);
        _time.Advance(TimeSpan.FromMinutes(61));

        await Task.WhenAll(Task.Run(() => first.TokenRefusedAsync("ClickUp", default)), Task.Run(() => second.TokenRefusedAsync("ClickUp", default)));

        _email.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task TokenRefused_StoreUnavailable_StillAlertsOncePerProcess()
    {
        var broken = new Mock<ITableStore>();
        broken.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("table endpoint down"));
        var alerts = Alerts(broken.Object);

        await alerts.TokenRefusedAsync("HubSpot", default);
        await alerts.TokenRefusedAsync("HubSpot", default);

        _email.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Once);
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

    private ThrottledConnectorAlerts Alerts(ITableStore store) =>
        new(_provider.Object, _options.Object, store, _time, NullLogger<ThrottledConnectorAlerts>.Instance);

    private SqliteTableStore Store() =>
        new(Options.Create(new TableStoreOptions()), Options.Create(new StorageOptions { DataFolder = _folder }), _time);
}
