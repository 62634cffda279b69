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
