using Serverless.Api;
using Serverless.Api.Security;

namespace Serverless.Host.Tests.Api;

/// <summary>Api:EntraId is checked at start: each broken rule names its setting.</summary>
public sealed class EntraIdOptionsTests
{
    private const string Tenant = "7f0c2d43-5b8e-4c1a-9d2f-3e6a1b9c0d11";
    private const string Client = "0b5e8f3a-2c71-4d9e-8a46-1f2e3d4c5b6a";

    private static IEnumerable<string> Failures(EntraIdOptions entra) =>
        new ApiOptionsValidator().Validate(null, new ApiOptions { EntraId = entra }).Failures ?? [];

    [Fact]
    public void NothingSet_IsOff_AndValid()
    {
        var entra = new EntraIdOptions();

        entra.Enabled.Should().BeFalse();
        Failures(entra).Should().BeEmpty();
    }

    [Fact]
    public void TenantAndClient_IsOn_WithTheDefaults()
    {
        var entra = new EntraIdOptions { TenantId = Tenant, ClientId = Client };

        Failures(entra).Should().BeEmpty();
        entra.Authority.Should().Be($"https://login.microsoftonline.com/{Tenant}/v2.0");
        entra.MetadataAddress.Should().Be($"https://login.microsoftonline.com/{Tenant}/v2.0/.well-known/openid-configuration");
        entra.RequestedScope.Should().Be($"api://{Client}/.default");
        entra.ValidAudiences.Should().Equal($"api://{Client}", Client);
    }

    [Theory]
    [InlineData("contoso.onmicrosoft.com", Client, "", "Api:EntraId:TenantId")]
    [InlineData(Tenant, "console", "", "Api:EntraId:ClientId")]
    [InlineData("", Client, "", "Api:EntraId:TenantId")]
    [InlineData(Tenant, Client, "not a uri", "Api:EntraId:Audience")]
    [InlineData(Tenant, Client, "http://api.example", "Api:EntraId:Audience")]
    public void BadValue_NamesTheSetting(string tenant, string client, string audience, string setting)
    {
        Failures(new EntraIdOptions { TenantId = tenant, ClientId = client, Audience = audience })
            .Should().ContainSingle(f => f.StartsWith($"Setting '{setting}'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://login.example.com/")]
    [InlineData("login.microsoftonline.com")]
    [InlineData("https://login.microsoftonline.com/?x=1")]
    public void Instance_MustBeHttps_OrLoopbackHttp(string instance)
    {
        Failures(new EntraIdOptions { TenantId = Tenant, ClientId = Client, Instance = instance })
            .Should().ContainSingle(f => f.StartsWith("Setting 'Api:EntraId:Instance'", StringComparison.Ordinal));
        Failures(new EntraIdOptions { TenantId = Tenant, ClientId = Client, Instance = "http://127.0.0.1:5000" }).Should().BeEmpty();
    }

    [Fact]
    public void ScopeOrRole_WithoutTenantAndClient_AreRefused()
    {
        Failures(new EntraIdOptions { Scope = "access_as_user", RequiredRole = "Console.Operator" })
            .Should().HaveCount(2).And.OnlyContain(f => f.Contains("needs Api:EntraId:TenantId", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("api://serverless/access_as_user")]
    [InlineData("two scopes")]
    public void Scope_IsOneName(string scope)
    {
        Failures(new EntraIdOptions { TenantId = Tenant, ClientId = Client, Scope = scope })
            .Should().ContainSingle(f => f.StartsWith("Setting 'Api:EntraId:Scope'", StringComparison.Ordinal));
    }
}
