using static Serverless.Engine.Tests.Loading.LoaderTestData;

namespace Serverless.Engine.Tests.Loading;

public class TriggerProblemTests
{
    [Fact]
    public void Load_UnknownTriggerType_ListsTheValidOnes()
    {
        var problem = Load(WithTrigger("""{"type":"webhok","route":"x"}""")).ShouldHaveProblem("$.triggers[0].type", "webhook");

        problem.Message.Should().Contain("schedule").And.Contain("mailbox").And.Contain("did you mean 'webhook'");
    }

    [Fact]
    public void Load_WebhookWithoutRouteAndBadAuth_ReportsBoth()
    {
        var result = Load(WithTrigger("""{"type":"webhook","auth":"basic"}"""));

        result.ShouldHaveProblem("$.triggers[0].route", "required");
        result.ShouldHaveProblem("$.triggers[0].auth", "apiKey");
    }

    [Theory]
    [InlineData("0 9 * *", "4 fields")]
    [InlineData("0 0 9 * * 1-5 2026", "7 fields")]
    [InlineData("61 9 * * *", "not a valid cron")]
    [InlineData("0 25 * * *", "not a valid cron")]
    [InlineData("*/5 * * * mondy", "not a valid cron")]
    public void Load_BadCron_IsReported(string cron, string word) =>
        Load(WithTrigger($$"""{"type":"schedule","cron":"{{cron}}"}""")).ShouldHaveProblem("$.triggers[0].cron", word);

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("30 0 7 * * 1-5")]
    [InlineData("0 9 1 * MON")]
    public void Load_GoodCron_FiveOrSixFields_Loads(string cron) =>
        Load(WithTrigger($$"""{"type":"schedule","cron":"{{cron}}","timeZone":"Europe/Paris"}""")).ShouldSucceed();

    [Fact]
    public void Load_UnknownTimeZone_IsReported() =>
        Load(WithTrigger("""{"type":"schedule","cron":"0 9 * * *","timeZone":"Europe/Pariss"}"""))
            .ShouldHaveProblem("$.triggers[0].timeZone", "Unknown time zone");

    [Fact]
    public void Load_MailboxWithoutName_IsReported() =>
        Load(WithTrigger("""{"type":"mailbox"}""")).ShouldHaveProblem("$.triggers[0].mailbox", "required");

    [Fact]
    public void Load_EventConditionReferringToSteps_IsReported() =>
        Load(WithTrigger("""{"type":"event","channel":"crm","condition":{"path":"steps.only.output","op":"exists"}}"""))
            .ShouldHaveProblem("$.triggers[0].condition.path", "before any step runs");

    [Fact]
    public void Load_ManualTriggerWithExtraProperty_IsReported() =>
        Load(WithTrigger("""{"type":"manual","route":"x"}""")).ShouldHaveProblem("$.triggers[0].route", "Unknown property");
}
