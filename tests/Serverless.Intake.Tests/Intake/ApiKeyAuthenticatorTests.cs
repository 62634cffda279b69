using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;
using Serverless.Intake.Intake;

namespace Serverless.Intake.Tests.Intake;

public sealed class ApiKeyAuthenticatorTests
{
    [Fact]
    public void IsValid_NoKeyConfiguredInProduction_RefusesEverythingIncludingTheDevelopmentKey()
    {
        var keys = Authenticator(Environments.Production);

        keys.HasKeys.Should().BeFalse();
        keys.IsValid("dev-intake-key").Should().BeFalse();
    }

    [Fact]
    public void IsValid_NoKeyConfiguredInDevelopment_AcceptsOnlyTheDevelopmentKey()
    {
        var keys = Authenticator(Environments.Development);

        keys.UsesDevelopmentKey.Should().BeTrue();
        keys.IsValid("dev-intake-key").Should().BeTrue();
        keys.IsValid("dev-intake-keyX").Should().BeFalse();
    }

    [Theory]
    [InlineData("127.0.0.1", null, true)]
    [InlineData("::1", null, true)]
    [InlineData(null, null, true)]
    [InlineData("203.0.113.7", null, false)]
    [InlineData("127.0.0.1", "203.0.113.7", false)]
    public void Accepts_TheDevelopmentKey_OnlyFromThisMachine(string? remote, string? forwardedFor, bool accepted)
    {
        var keys = Authenticator(Environments.Development);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remote is null ? null : IPAddress.Parse(remote);
        context.Request.Headers["X-API-Key"] = "dev-intake-key";
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        keys.Accepts(context.Request).Should().Be(accepted, "the development key is public: a host reachable from the network must not take it");
    }

    [Fact]
    public void Accepts_ConfiguredKeys_FromAnywhere()
    {
        var keys = Authenticator(Environments.Development, "key-one");
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        context.Request.Headers["X-API-Key"] = "key-one";

        keys.Accepts(context.Request).Should().BeTrue();
    }

    [Fact]
    public void IsValid_ConfiguredKeys_AcceptsEachAndNotTheDevelopmentKey()
    {
        var keys = Authenticator(Environments.Development, "key-one", "key-two");

        keys.IsValid("key-one").Should().BeTrue();
        keys.IsValid("key-two").Should().BeTrue();
        keys.IsValid("dev-intake-key").Should().BeFalse();
        keys.IsValid("").Should().BeFalse();
        keys.IsValid(null).Should().BeFalse();
    }

    private static ApiKeyAuthenticator Authenticator(string environment, params string[] configured)
    {
        var host = new Mock<IHostEnvironment>();
        host.SetupGet(h => h.EnvironmentName).Returns(environment);
        return new ApiKeyAuthenticator(Options.Create(new IntakeOptions { ApiKeys = [.. configured] }), host.Object);
    }
}
