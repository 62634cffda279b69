using Serverless.Approvals.Configuration;

namespace Serverless.Approvals.Tests.Configuration;

public class ApprovalOptionsValidatorTests
{
    private static readonly ApprovalOptionsValidator Validator = new();

    [Fact]
    public void Validate_MissingSigningKey_FailsNamingTheSetting() =>
        Validator.Validate(null, new ApprovalOptions()).FailureMessage.Should().Contain("Approvals:SigningKey is missing");

    [Fact]
    public void Validate_ShortKeyOrUnknownLanguageOrRelativeBaseUrl_FailsWithoutEchoingTheKey()
    {
        var result = Validator.Validate(null, new ApprovalOptions { SigningKey = "short-secret", Language = "de", BaseUrl = "/approvals" });

        result.FailureMessage.Should().Contain("Approvals:SigningKey is too short").And.Contain("Approvals:Language = 'de'")
            .And.Contain("Approvals:BaseUrl").And.NotContain("short-secret");
    }

    [Fact]
    public void Validate_Defaults_WithAKey_Succeed() =>
        Validator.Validate(null, new ApprovalOptions { SigningKey = new string('k', 40) }).Succeeded.Should().BeTrue();
}
