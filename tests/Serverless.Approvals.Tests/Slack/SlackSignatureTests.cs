using Serverless.Approvals.Slack;

namespace Serverless.Approvals.Tests.Slack;

public class SlackSignatureTests
{
    // The worked example of Slack's "Verifying requests from Slack" guide.
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Compute_SlackWorkedExample_MatchesTheDocumentedSignature() =>
        SlackSignature.Compute(Secret, Timestamp, Body).Should().Be(Expected);

    [Fact]
    public void Problem_AuthenticFreshRequest_IsNull() =>
        SlackSignature.Problem(Secret, Timestamp, Expected, Body, SentAt.AddMinutes(4)).Should().BeNull();

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void Problem_TimestampMoreThanFiveMinutesAway_IsRefused(int minutes) =>
        SlackSignature.Problem(Secret, Timestamp, Expected, Body, SentAt.AddMinutes(minutes)).Should().Contain("five minutes");

    [Fact]
    public void Problem_BodyChanged_IsRefused() =>
        SlackSignature.Problem(Secret, Timestamp, Expected, Body + "&x=1", SentAt).Should().Contain("does not match");

    [Fact]
    public void Problem_NoSigningSecretConfigured_RefusesEverything() =>
        SlackSignature.Problem("", Timestamp, Expected, Body, SentAt).Should().Contain("SigningSecret");
}
