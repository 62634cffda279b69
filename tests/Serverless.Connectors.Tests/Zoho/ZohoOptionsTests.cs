using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Zoho;

namespace Serverless.Connectors.Tests.Zoho;

/// <summary>Data centres, overrides, and start-up checks that name the setting (never a secret).</summary>
public sealed class ZohoOptionsTests
{
    private static readonly Dictionary<string, string?> Credentials = new()
    {
        ["Connectors:Zoho:ClientId"] = "1000.CLIENT",
        ["Connectors:Zoho:ClientSecret"] = "client-secret-4711",
        ["Connectors:Zoho:RefreshToken"] = "1000.refresh-token-0815",
        ["Connectors:Zoho:OrgId"] = "60001234567",
    };

    [Theory]
    [InlineData("com", "https://accounts.zoho.com", "https://desk.zoho.com", "https://www.zohoapis.com")]
    [InlineData("eu", "https://accounts.zoho.eu", "https://desk.zoho.eu", "https://www.zohoapis.eu")]
    [InlineData("in", "https://accounts.zoho.in", "https://desk.zoho.in", "https://www.zohoapis.in")]
    [InlineData("com.au", "https://accounts.zoho.com.au", "https://desk.zoho.com.au", "https://www.zohoapis.com.au")]
    [InlineData("jp", "https://accounts.zoho.jp", "https://desk.zoho.jp", "https://www.zohoapis.jp")]
    [InlineData("ca", "https://accounts.zohocloud.ca", "https://desk.zohocloud.ca", "https://www.zohoapis.ca")]
    [InlineData("sa", "https://accounts.zoho.sa", "https://desk.zoho.sa", "https://www.zohoapis.sa")]
    [InlineData("com.cn", "https://accounts.zoho.com.cn", "https://desk.zoho.com.cn", "https://www.zohoapis.com.cn")]
    [InlineData("uk", "https://accounts.zoho.uk", "https://desk.zoho.uk", "https://www.zohoapis.uk")]
    [InlineData("EU", "https://accounts.zoho.eu", "https://desk.zoho.eu", "https://www.zohoapis.eu")]
    public void DataCenter_GivesItsHosts(string dataCenter, string accounts, string desk, string crm)
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?>(Credentials) { ["Connectors:Zoho:DataCenter"] = dataCenter });

        host.Invoking(h => h.ValidateOnStart()).Should().NotThrow();
        var options = host.Services.GetRequiredService<IOptions<ZohoOptions>>().Value;
        options.AccountsAddress.Should().Be(accounts);
        options.DeskAddress.Should().Be(desk);
        options.CrmAddress(null).Should().Be(crm);
        host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ZohoOptions.DeskClientName).BaseAddress.Should().Be(new Uri(desk + "/"));
    }

    [Fact]
    public void DataCenter_Default_IsCom()
    {
        var options = new ZohoOptions();

        options.DataCenter.Should().Be("com");
        options.AccountsAddress.Should().Be("https://accounts.zoho.com");
        options.CrmApiVersion.Should().Be("v7");
        options.RateLimit.PermitLimit.Should().Be(10);
        options.RateLimit.TokensPerPeriod.Should().Be(10);
        options.RateLimit.ReplenishmentPeriod.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void CrmHost_OverrideThenApiDomainThenDataCenter()
    {
        var options = new ZohoOptions { DataCenter = "eu" };

        options.CrmAddress("https://www.zohoapis.com.au/").Should().Be("https://www.zohoapis.com.au", "the token says where the account's API is");
        options.CrmAddress(null).Should().Be("https://www.zohoapis.eu");
        options.CrmBaseAddress = "http://127.0.0.1:5000/";
        options.CrmAddress("https://www.zohoapis.com.au").Should().Be("http://127.0.0.1:5000");
        options.DeskBaseAddress = "http://127.0.0.1:5001";
        options.DeskAddress.Should().Be("http://127.0.0.1:5001");
    }

    [Fact]
    public void DataCenter_Unknown_StartFailsNamingTheSettingAndTheAllowedValues()
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?> { ["Connectors:Zoho:DataCenter"] = "mars" });

        var failure = host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().Which;

        failure.Message.Should().Contain("Connectors:Zoho:DataCenter = 'mars'").And.Contain("com, eu, in, com.au, jp, ca, sa, com.cn, uk");
    }

    [Fact]
    public void Credentials_Partial_StartFailsNamingWhatIsMissing_WithoutEchoingSecrets()
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?>
        {
            ["Connectors:Zoho:ClientId"] = "1000.CLIENT", ["Connectors:Zoho:ClientSecret"] = "client-secret-4711",
        });

        var failure = host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().Which;

        failure.Message.Should().Contain("Connectors:Zoho:RefreshToken").And.Contain("Connectors:Zoho:OrgId")
            .And.NotContain("Connectors:Zoho:ClientSecret is missing").And.NotContain("client-secret-4711");
    }

    [Fact]
    public void Credentials_WithoutOrgId_StartFailsNamingOrgId()
    {
        var settings = new Dictionary<string, string?>(Credentials) { ["Connectors:Zoho:OrgId"] = null };
        using var host = ConnectorTestHost.Create(settings);

        host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().WithMessage("*Connectors:Zoho:OrgId is missing*");
    }

    [Theory]
    [InlineData("Connectors:Zoho:CrmApiVersion", "7")]
    [InlineData("Connectors:Zoho:OrgId", "org-60001")]
    [InlineData("Connectors:Zoho:AccountsBaseAddress", "accounts.zoho.eu")]
    [InlineData("Connectors:Zoho:CrmBaseAddress", "ftp://www.zohoapis.eu")]
    [InlineData("Connectors:Zoho:RateLimit:TokensPerPeriod", "0")]
    public void Start_SetButInvalid_FailsNamingTheSetting(string setting, string value)
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?> { [setting] = value });

        host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().WithMessage($"*{setting}*");
    }

    [Fact]
    public void Selection_CredentialsAndNoDryRun_IsReal_DryRunReadsRealWritesSandbox_ElseSandbox()
    {
        using var configured = ConnectorTestHost.Create(Credentials);
        using var fresh = ConnectorTestHost.Create();

        fresh.Invoking(h => h.ValidateOnStart()).Should().NotThrow();
        configured.Connector<IZohoDeskClient>().Should().BeOfType<ZohoDeskClient>();
        configured.Connector<IZohoCrmClient>().Should().BeOfType<ZohoCrmClient>();
        configured.Connector<IZohoDeskClient>(ConnectorTestHost.Context(dryRun: true)).Should().BeOfType<DryRunZohoDeskClient>();
        configured.Connector<IZohoCrmClient>(ConnectorTestHost.Context(dryRun: true)).Should().BeOfType<DryRunZohoCrmClient>();
        fresh.Connector<IZohoDeskClient>().Should().BeOfType<SandboxZohoDeskClient>();
        fresh.Connector<IZohoCrmClient>().Should().BeOfType<SandboxZohoCrmClient>();
        fresh.Services.GetRequiredService<ZohoSandboxData>().Should().BeSameAs(fresh.Services.GetRequiredService<ZohoSandboxData>());
    }

    [Fact]
    public void AddZohoConnector_CalledAgain_AddsNothing()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddZohoConnector(configuration);
        var count = services.Count;

        services.AddZohoConnector(configuration);

        services.Count.Should().Be(count);
    }

    [Fact]
    public async Task DataCenterEu_TokenDeskAndCrmGoToTheEuHosts()
    {
        var seen = new ConcurrentQueue<Uri>();
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?>(Credentials) { ["Connectors:Zoho:DataCenter"] = "eu" }, configure: services =>
        {
            foreach (var name in new[] { ZohoOptions.TokenClientName, ZohoOptions.DeskClientName, ZohoOptions.CrmClientName })
            {
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => new ZohoEuStub(seen));
            }
        });

        await host.Connector<IZohoDeskClient>().MoveTicketAsync("T1", "D2", default);
        await host.Connector<IZohoCrmClient>().GetAsync("Deals", "1", default);

        seen.Select(u => u.GetLeftPart(UriPartial.Path)).Should().Equal(
            "https://accounts.zoho.eu/oauth/v2/token", "https://desk.zoho.eu/api/v1/tickets/T1/move", "https://www.zohoapis.eu/crm/v7/Deals/1");
    }

    /// <summary>Answers like Zoho's EU data centre would, and notes where each request went.</summary>
    private sealed class ZohoEuStub(ConcurrentQueue<Uri> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue(request.RequestUri!);
            var body = request.RequestUri!.AbsolutePath == "/oauth/v2/token"
                ? """{"access_token":"1000.eu","api_domain":"https://www.zohoapis.eu","token_type":"Bearer","expires_in":3600}"""
                : "";
            return Task.FromResult(new HttpResponseMessage(body.Length > 0 ? HttpStatusCode.OK : HttpStatusCode.NoContent)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
        }
    }
}
