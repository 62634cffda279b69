using System.Text.Json.Nodes;
using Serverless.Connectors.Alerts;
using Serverless.Connectors.Tests.Fakes;
using Serverless.Connectors.Zoho;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;
using Serverless.Testing.Fakes.Zoho;

namespace Serverless.Connectors.Tests.Zoho;

/// <summary>The refresh-token flow: one token for many calls, refreshed before it expires, a 401 answered by one
/// refresh, and a refused refresh token reported clearly without any secret.</summary>
public sealed class ZohoTokenTests : IAsyncLifetime
{
    private FakeZohoServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeZohoServer.StartAsync();
        _server.AddTicket(ZohoSamples.Ticket("T1", 101, ZohoSamples.Monday));
        _server.AddRecord("Deals", new JsonObject { ["id"] = "D1", ["Deal_Name"] = "Acme renewal" });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IZohoDeskClient Desk(ConnectorTestHost host) => host.Connector<IZohoDeskClient>();

    [Fact]
    public async Task ManyCalls_BothApis_OneTokenRequestWithTheCredentialsInTheFormBody()
    {
        using var host = ZohoSamples.Host(_server);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Desk(host).GetTicketAsync("T1", default)));
        await Desk(host).GetTicketAsync("T1", default);
        (await host.Connector<IZohoCrmClient>().GetAsync("Deals", "D1", default))!.Text("Deal_Name").Should().Be("Acme renewal");

        _server.TokenRequests.Should().Be(1);
        var token = _server.Requests.Single(r => r.Path == "/oauth/v2/token");
        token.Method.Should().Be("POST");
        token.Query.Should().BeEmpty("no credential travels in a URL");
        token.Body.Should().Contain("grant_type=refresh_token").And.Contain($"client_id={Uri.EscapeDataString(FakeZohoServer.ClientId)}")
            .And.Contain($"client_secret={FakeZohoServer.ClientSecret}").And.Contain($"refresh_token={Uri.EscapeDataString(FakeZohoServer.RefreshToken)}");
        var authorizations = _server.Api().Select(r => r.Authorization).Distinct().ToList();
        authorizations.Should().ContainSingle().Which.Should().StartWith("Zoho-oauthtoken 1000.");
        _server.Api().Should().HaveCount(10);
    }

    [Fact]
    public async Task Token_NearExpiry_IsRefreshedOnceThenReused()
    {
        var clock = new ManualTimeProvider(ZohoSamples.Monday);
        _server.Clock = clock;
        using var host = ZohoSamples.Host(_server, clock);

        await Desk(host).GetTicketAsync("T1", default);
        clock.Advance(TimeSpan.FromMinutes(54));
        await Desk(host).GetTicketAsync("T1", default);
        _server.TokensIssued.Should().Be(1, "a token lasts an hour and is kept until five minutes before that");

        clock.Advance(TimeSpan.FromMinutes(2));
        await Desk(host).GetTicketAsync("T1", default);
        await Desk(host).GetTicketAsync("T1", default);

        _server.TokensIssued.Should().Be(2);
        _server.Api().Select(r => r.Authorization).Distinct().Should().HaveCount(2);
        _server.Api().Should().HaveCount(4, "no call was refused on the way");
    }

    [Fact]
    public async Task ShortLivedToken_RefreshedAtHalfItsLife()
    {
        var clock = new ManualTimeProvider(ZohoSamples.Monday);
        _server.Clock = clock;
        _server.TokenLifetimeSeconds = 120;
        using var host = ZohoSamples.Host(_server, clock);

        await Desk(host).GetTicketAsync("T1", default);
        clock.Advance(TimeSpan.FromSeconds(59));
        await Desk(host).GetTicketAsync("T1", default);
        clock.Advance(TimeSpan.FromSeconds(2));
        await Desk(host).GetTicketAsync("T1", default);

        _server.TokensIssued.Should().Be(2);
    }

    [Fact]
    public async Task TokenRetiredEarly_401_OneRefreshThenSuccess_AndNoAlert()
    {
        using var host = ZohoSamples.Host(_server);
        await Desk(host).GetTicketAsync("T1", default);
        _server.RevokeTokens();

        var ticket = await Desk(host).GetTicketAsync("T1", default);
        (await host.Connector<IZohoCrmClient>().GetAsync("Deals", "D1", default)).Should().NotBeNull();

        ticket.Id.Should().Be("T1");
        _server.TokensIssued.Should().Be(2, "the refused token is dropped and one new one asked for");
        _server.Api().Should().HaveCount(4, "first call, refused call, its retry, the CRM call");
        _server.Api().Select(r => r.Authorization).Distinct().Should().HaveCount(2);
        (await host.CallLog.ListAsync(ThrottledConnectorAlerts.AlertInstanceId, default)).Should().BeEmpty("a 401 that one refresh cures is no alert");
    }

    [Fact]
    public async Task RefusedAgainAfterTheRefresh_FailsUnauthorized_AndAlertsOnce()
    {
        using var host = ZohoSamples.Host(_server);
        _server.Fail(FakeZohoFault.InvalidToken, times: 2, pathStartsWith: "/api/v1/tickets/T1");

        var failure = (await FluentActions.Awaiting(() => Desk(host).GetTicketAsync("T1", default)).Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.Unauthorized);
        failure.Message.Should().Contain("Zoho Desk refused the credentials (HTTP 401)").And.Contain("INVALID_OAUTH").And.NotContain("1000.");
        _server.TokensIssued.Should().Be(2);
        _server.Api().Should().HaveCount(2, "one retry with the fresh token, not more");
        var alerts = await host.CallLog.ListAsync(ThrottledConnectorAlerts.AlertInstanceId, default);
        alerts.Should().ContainSingle().Which.Request["subject"]!.GetValue<string>().Should().Contain("Zoho");
    }

    [Fact]
    public async Task InvalidRefreshToken_FailsUnauthorizedNamingTheSetting_WithoutSecretsInMessageOrLogs()
    {
        const string wrong = "1000.wrongrefreshtoken77316611.aa00bb11cc22dd33ee44ff55";
        using var logs = new CapturedLogs();
        using var host = ZohoSamples.Host(_server, logs: logs, change: s => s["Connectors:Zoho:RefreshToken"] = wrong);

        var failure = (await FluentActions.Awaiting(() => Desk(host).GetTicketAsync("T1", default)).Should().ThrowAsync<ActivityException>()).Which;
        var again = (await FluentActions.Awaiting(() => host.Connector<IZohoCrmClient>().GetAsync("Deals", "D1", default))
            .Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.Unauthorized, "a refused refresh token is not retried");
        failure.Message.Should().Contain("invalid_code").And.Contain("Connectors:Zoho:RefreshToken").And.Contain("Connectors:Zoho:DataCenter");
        failure.Message.Should().NotContain(wrong).And.NotContain(FakeZohoServer.ClientSecret);
        again.Kind.Should().Be(ErrorKinds.Unauthorized);
        again.Message.Should().Be(failure.Message);
        _server.TokenRequests.Should().Be(1, "the refused credential fails at once for a while instead of asking Zoho again");
        _server.Api().Should().BeEmpty();
        logs.Lines.Should().NotBeEmpty();
        logs.Lines.Should().NotContain(l => l.Contains(wrong, StringComparison.Ordinal) || l.Contains(FakeZohoServer.ClientSecret, StringComparison.Ordinal)
            || l.Contains("wrongrefreshtoken", StringComparison.Ordinal));
        (await host.CallLog.ListAsync(ThrottledConnectorAlerts.AlertInstanceId, default)).Should().ContainSingle("the administrators must replace it");
    }

    [Fact]
    public async Task InvalidRefreshToken_NewSettingsNotHeldBack()
    {
        using var bad = ZohoSamples.Host(_server, change: s => s["Connectors:Zoho:ClientSecret"] = "not-the-secret");
        await FluentActions.Awaiting(() => Desk(bad).GetTicketAsync("T1", default)).Should().ThrowAsync<ActivityException>();

        using var good = ZohoSamples.Host(_server);
        (await Desk(good).GetTicketAsync("T1", default)).Id.Should().Be("T1");
    }

    [Fact]
    public async Task UnknownClientId_FailsNamingClientId()
    {
        using var host = ZohoSamples.Host(_server, change: s => s["Connectors:Zoho:ClientId"] = "1000.SOMEONEELSE");

        var failure = (await FluentActions.Awaiting(() => Desk(host).GetTicketAsync("T1", default)).Should().ThrowAsync<ActivityException>()).Which;

        failure.Kind.Should().Be(ErrorKinds.Unauthorized);
        failure.Message.Should().Contain("Connectors:Zoho:ClientId").And.Contain("invalid_client").And.NotContain(FakeZohoServer.ClientSecret);
    }

    [Fact]
    public async Task TokenEndpointFailing_500ThenAnswer_IsRetried()
    {
        using var host = ZohoSamples.Host(_server);
        _server.Fail(FakeZohoFault.ServerError, pathStartsWith: "/oauth/");

        (await Desk(host).GetTicketAsync("T1", default)).Id.Should().Be("T1");

        _server.TokenRequests.Should().Be(2);
    }

    [Fact]
    public async Task Crm_WithoutCrmBaseAddress_GoesToTheTokensApiDomain()
    {
        // DataCenter eu would be www.zohoapis.eu: the call reaching the fake proves api_domain was used.
        using var host = ZohoSamples.Host(_server, crmFromApiDomain: true, change: s => s["Connectors:Zoho:DataCenter"] = "eu");

        var deal = await host.Connector<IZohoCrmClient>().GetAsync("Deals", "D1", default);

        deal!.Id.Should().Be("D1");
        _server.Api().Single().Path.Should().Be("/crm/v7/Deals/D1");
    }

    [Fact]
    public async Task Crm_CrmBaseAddressSet_WinsOverApiDomain()
    {
        _server.ApiDomain = "http://127.0.0.1:9";
        using var host = ZohoSamples.Host(_server);

        (await host.Connector<IZohoCrmClient>().GetAsync("Deals", "D1", default))!.Id.Should().Be("D1");
    }
}
