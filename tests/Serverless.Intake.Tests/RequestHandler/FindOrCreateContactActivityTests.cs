using Serverless.Intake.RequestHandler.Activities;

namespace Serverless.Intake.Tests.RequestHandler;

public sealed class FindOrCreateContactActivityTests
{
    [Theory]
    [InlineData("Marie Durand", "Marie", "Durand")]
    [InlineData("  Marie-Claire   de la Tour ", "Marie-Claire", "de la Tour")]
    [InlineData("Madonna", "Madonna", null)]
    [InlineData("", null, null)]
    public void SplitName_UserName_GivesHubSpotFirstAndLastName(string userName, string? first, string? last)
    {
        FindOrCreateContactActivity.SplitName(userName).Should().Be((first, last));
    }
}
