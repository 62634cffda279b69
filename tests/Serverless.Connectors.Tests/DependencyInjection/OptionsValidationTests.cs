using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Connectors.DependencyInjection;
using Serverless.Connectors.Sandbox;

namespace Serverless.Connectors.Tests.DependencyInjection;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Start_FreshCheckoutWithoutCredentials_IsValid()
    {
        using var host = ConnectorTestHost.Create();

        host.Invoking(h => h.ValidateOnStart()).Should().NotThrow();
    }

    [Theory]
    [InlineData("Connectors:HubSpot:BaseAddress", "not a url")]
    [InlineData("Connectors:ClickUp:BaseAddress", "ftp://api.clickup.com")]
    [InlineData("Connectors:Smtp:From", "not-an-address")]
    [InlineData("Connectors:Alerts:AdminRecipients:0", "admin-at-example")]
    [InlineData("Connectors:Resilience:MaxRetries", "50")]
    [InlineData("Connectors:HubSpot:RateLimit:PermitLimit", "0")]
    [InlineData("Connectors:Zoho:DataCenter", "mars")]
    [InlineData("Connectors:Zoho:DeskBaseAddress", "not a url")]
    public void Start_SetButInvalidValue_FailsNamingTheSetting(string setting, string value)
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?> { [setting] = value });

        host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().WithMessage($"*{setting}*");
    }

    [Fact]
    public void Start_HubSpotTokenWithoutPortal_FailsNamingPortalId()
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?> { ["Connectors:HubSpot:AccessToken"] = "pat-1" });

        host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().WithMessage("*Connectors:HubSpot:PortalId*");
    }

    [Theory]
    [InlineData("None", "587")]
    [InlineData("Auto", "587")]
    public void Start_SmtpLoginThatCouldTravelInClearText_FailsNamingSecurity(string security, string port)
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?>
        {
            ["Connectors:Smtp:Host"] = "smtp.example.com", ["Connectors:Smtp:Port"] = port, ["Connectors:Smtp:Security"] = security,
            ["Connectors:Smtp:From"] = "robot@example.com", ["Connectors:Smtp:UserName"] = "robot", ["Connectors:Smtp:Password"] = "hunter2",
        });

        var failure = host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().Which;
        failure.Message.Should().Contain("Connectors:Smtp:Security").And.NotContain("hunter2");
    }

    [Theory]
    [InlineData("SslOnConnect", "465")]
    [InlineData("Auto", "465")]
    [InlineData("StartTls", "587")]
    public void Start_SmtpLoginOverTls_IsAccepted(string security, string port)
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?>
        {
            ["Connectors:Smtp:Host"] = "smtp.example.com", ["Connectors:Smtp:Port"] = port, ["Connectors:Smtp:Security"] = security,
            ["Connectors:Smtp:From"] = "robot@example.com", ["Connectors:Smtp:UserName"] = "robot", ["Connectors:Smtp:Password"] = "hunter2",
        });

        host.Invoking(h => h.ValidateOnStart()).Should().NotThrow();
    }

    [Fact]
    public void Start_InvalidSlackUrl_FailsWithoutEchoingTheSecret()
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?> { ["Connectors:Slack:WebhookUrl"] = "secret-value-not-url" });

        var failure = host.Invoking(h => h.ValidateOnStart()).Should().Throw<OptionsValidationException>().Which;
        failure.Message.Should().Contain("Connectors:Slack:WebhookUrl").And.NotContain("secret-value-not-url");
    }

    [Fact]
    public void SandboxDatabase_NotSet_DefaultsUnderRuntimeDataFolder()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Runtime:DataFolder"] = "/tmp/some-data" }).Build();
        using var services = new ServiceCollection().AddConnectors(configuration).BuildServiceProvider();

        services.GetRequiredService<IOptions<SandboxOptions>>().Value.DatabasePath.Should().Be(Path.Combine("/tmp/some-data", "sandbox-calls.db"));
    }
}
