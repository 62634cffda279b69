using Serverless.Engine.Loading;
using static Serverless.Engine.Tests.Loading.LoaderTestData;

namespace Serverless.Engine.Tests.Loading;

public class StepProblemTests
{
    [Fact]
    public void Load_UnknownStepType_ListsTheValidTypes()
    {
        var problem = LoadSteps("""{"id":"a","type":"sleep","duration":"1s"}""").ShouldHaveProblem("$.steps[0].type", "Unknown step type 'sleep'");

        problem.Message.Should().Contain("activity").And.Contain("waitForEvent").And.Contain("terminate");
    }

    [Fact]
    public void Load_DuplicateStepIdInNestedBlock_SaysWhereTheFirstOneIs()
    {
        var result = LoadSteps(
            """{"id":"notify","type":"emit","channel":"c"}""",
            """{"id":"gate","type":"if","condition":{"path":"x","value":1},"else":[{"id":"notify","type":"emit","channel":"d"}]}""");

        result.ShouldHaveProblem("$.steps[1].else[0].id", "Duplicate step id 'notify'").Message.Should().Contain("$.steps[0]");
    }

    [Theory]
    [InlineData("""{"id":"s","type":"activity"}""", "$.steps[0].activity")]
    [InlineData("""{"id":"s","type":"if","then":[]}""", "$.steps[0].condition")]
    [InlineData("""{"id":"s","type":"switch","cases":[]}""", "$.steps[0].value")]
    [InlineData("""{"id":"s","type":"forEach","steps":[{"id":"t","type":"emit","channel":"c"}]}""", "$.steps[0].items")]
    [InlineData("""{"id":"s","type":"emit"}""", "$.steps[0].channel")]
    [InlineData("""{"id":"s","type":"subWorkflow"}""", "$.steps[0].workflow")]
    [InlineData("""{"id":"s","type":"waitForEvent"}""", "$.steps[0].event")]
    [InlineData("""{"id":"s","type":"approval"}""", "$.steps[0].approvers")]
    [InlineData("""{"id":"s","type":"set"}""", "$.steps[0].variables")]
    [InlineData("""{"type":"emit","channel":"c"}""", "$.steps[0].id")]
    [InlineData("""{"id":"s","channel":"c"}""", "$.steps[0].type")]
    [InlineData("""{"id":"s","type":"activity","activity":"a","retry":{"maxAttempts":2},"onError":"fallback"}""", "$.steps[0].fallback")]
    [InlineData("""{"id":"s","type":"approval","approvers":[{"members":["a@b.c"]}]}""", "$.steps[0].approvers[0].name")]
    [InlineData("""{"id":"s","type":"approval","approvers":[{"name":"g"}],"reminder":{"max":2}}""", "$.steps[0].reminder.interval")]
    public void Load_MissingRequiredField_IsReportedAtItsPath(string step, string path) =>
        LoadSteps(step).ShouldHaveProblem(path, "required");

    [Theory]
    [InlineData("""{"id":"s","type":"activity","activity":42}""", "$.steps[0].activity", "must be a string, not a number")]
    [InlineData("""{"id":"s","type":"if","condition":{"path":"x","value":1},"then":{"id":"t"}}""", "$.steps[0].then", "must be an array, not an object")]
    [InlineData("""{"id":"s","type":"activity","activity":"a","retry":"3 times"}""", "$.steps[0].retry", "must be an object, not a string")]
    [InlineData("""{"id":"s","type":"activity","activity":"a","retry":{"maxAttempts":"3"}}""", "$.steps[0].retry.maxAttempts", "whole number")]
    [InlineData("""{"id":"s","type":"activity","activity":"a","retry":{"jitter":true}}""", "$.steps[0].retry.jitter", "must be a number, not a boolean")]
    [InlineData("""{"id":"s","type":"forEach","items":"{{x}}","maxConcurrency":2.5,"steps":[{"id":"t","type":"emit","channel":"c"}]}""", "$.steps[0].maxConcurrency", "whole number")]
    [InlineData("""{"id":"s","type":"activity","activity":"a","onError":null}""", "$.steps[0].onError", "cannot be null")]
    [InlineData("""{"id":"s","type":"subWorkflow","workflow":"w","onError":"fallback"}""", "$.steps[0].onError", "fail, continue")]
    [InlineData("""{"id":"s","type":"switch","value":["a"],"cases":[{"equals":"a"}]}""", "$.steps[0].value", "must be a string")]
    [InlineData("""{"id":"s","type":"emit","channel":""}""", "$.steps[0].channel", "cannot be empty")]
    [InlineData("""{"id":"s","type":"set","variables":[1]}""", "$.steps[0].variables", "must be an object")]
    public void Load_WrongJsonType_IsReported(string step, string path, string words) =>
        LoadSteps(step).ShouldHaveProblem(path, words);

    [Fact]
    public void Load_UnknownPropertyOnStep_SuggestsTheField() =>
        LoadSteps("""{"id":"s","type":"activity","activity":"a","retyr":{"maxAttempts":2}}""")
            .ShouldHaveProblem("$.steps[0].retyr", "did you mean 'retry'");

    [Fact]
    public void Load_UnknownPropertyWithoutCloseMatch_ListsTheAllowedOnes() =>
        LoadSteps("""{"id":"s","type":"wait","duration":"1s","color":"red"}""")
            .ShouldHaveProblem("$.steps[0].color", "until");

    [Fact]
    public void Load_StepIdWithDots_IsReported() =>
        LoadSteps("""{"id":"send.mail","type":"emit","channel":"c"}""").ShouldHaveProblem("$.steps[0].id", "steps.<id>");

    [Fact]
    public void Load_UnknownActivity_WhenTheHostListsItsActivities_IsReported()
    {
        var loader = new WorkflowDefinitionLoader(new LoaderOptions { KnownActivities = new HashSet<string> { "crm.getDeal", "slack.postMessage" } });

        var result = loader.Load(Definition(
            """{"id":"a","type":"activity","activity":"crm.getDeal"}""",
            """{"id":"b","type":"activity","activity":"crm.getDael"}"""));

        result.ShouldHaveProblem("$.steps[1].activity", "did you mean 'crm.getDeal'");
        result.Problems.Should().ContainSingle();
    }

    [Fact]
    public void Load_AnyActivity_WhenTheHostDoesNotList_Loads() =>
        LoadSteps("""{"id":"a","type":"activity","activity":"whatever.you.like"}""").ShouldSucceed();

    [Theory]
    [InlineData("""{"id":"s","type":"activity","activity":"a","timeout":"5 minutes"}""", "$.steps[0].timeout")]
    [InlineData("""{"id":"s","type":"activity","activity":"a","timeout":"0s"}""", "$.steps[0].timeout")]
    [InlineData("""{"id":"s","type":"wait","duration":"soon"}""", "$.steps[0].duration")]
    [InlineData("""{"id":"s","type":"waitForEvent","event":"e","timeout":"P1X"}""", "$.steps[0].timeout")]
    [InlineData("""{"id":"s","type":"approval","approvers":[{"name":"g"}],"deadline":"2 days"}""", "$.steps[0].deadline")]
    [InlineData("""{"id":"s","type":"approval","approvers":[{"name":"g"}],"reminder":{"interval":"hourly"}}""", "$.steps[0].reminder.interval")]
    [InlineData("""{"id":"s","type":"activity","activity":"a","retry":{"firstInterval":"1 sec"}}""", "$.steps[0].retry.firstInterval")]
    [InlineData("""{"id":"s","type":"activity","activity":"a","retry":{"maxInterval":"-5m"}}""", "$.steps[0].retry.maxInterval")]
    public void Load_BadDuration_IsReported(string step, string path)
    {
        var problem = LoadSteps(step).ShouldHaveProblem(path, "duration");

        problem.Message.Should().ContainAny("30s", "longer than zero");
    }

    [Theory]
    [InlineData("""{"id":"s","type":"wait"}""")]
    [InlineData("""{"id":"s","type":"wait","duration":"1h","until":"2026-01-01T00:00:00Z"}""")]
    public void Load_WaitWithoutExactlyOneOfDurationOrUntil_IsReported(string step) =>
        LoadSteps(step).ShouldHaveProblem("$.steps[0]", "exactly one of 'duration'");

    [Fact]
    public void Load_WaitUntilThatIsNotADate_IsReported() =>
        LoadSteps("""{"id":"s","type":"wait","until":"next monday"}""").ShouldHaveProblem("$.steps[0].until", "ISO 8601");

    [Theory]
    [InlineData("""{"maxAttempts":0}""", "maxAttempts", "1 or more")]
    [InlineData("""{"backoffCoefficient":0.5}""", "backoffCoefficient", "1 or more")]
    [InlineData("""{"jitter":-0.1}""", "jitter", "between 0 and 1")]
    [InlineData("""{"jitter":1.5}""", "jitter", "between 0 and 1")]
    [InlineData("""{"firstInterval":"0s"}""", "firstInterval", "longer than zero")]
    [InlineData("""{"firstInterval":"10s","maxInterval":"5s"}""", "maxInterval", "shorter than 'firstInterval'")]
    [InlineData("""{"firstInterval":"10m"}""", "maxInterval", "shorter than 'firstInterval'")]
    [InlineData("""{"retryOn":[]}""", "retryOn", "at least one")]
    [InlineData("""{"retryOn":["Transiant"]}""", "retryOn[0]", "did you mean 'Transient'")]
    public void Load_InvalidRetryNumbers_AreReported(string retry, string field, string word) =>
        LoadSteps($$"""{"id":"s","type":"activity","activity":"a","retry":{{retry}}}""").ShouldHaveProblem($"$.steps[0].retry.{field}", word);

    [Theory]
    [InlineData("""{"onError":"retry"}""", "onError", "fail, continue, fallback")]
    [InlineData("""{"onError":"continue","fallback":{}}""", "fallback", "only used")]
    [InlineData("""{"fallback":{}}""", "fallback", "only used")]
    public void Load_BadOnError_IsReported(string extra, string field, string word) =>
        LoadSteps($$"""{"id":"s","type":"activity","activity":"a",{{extra[1..^1]}}}""").ShouldHaveProblem($"$.steps[0].{field}", word);

    [Fact]
    public void Load_FallbackWithNullValue_IsAccepted() =>
        LoadSteps("""{"id":"s","type":"activity","activity":"a","onError":"fallback","fallback":null}""").ShouldSucceed();

    [Theory]
    [InlineData("\"mode\":\"batch\"", "mode", "sequential, parallel")]
    [InlineData("\"maxConcurrency\":0", "maxConcurrency", "1 or more")]
    [InlineData("\"as\":\"the item\"", "as", "may hold only")]
    public void Load_BadForEachSettings_AreReported(string setting, string field, string word) =>
        LoadSteps($$$"""{"id":"s","type":"forEach","items":"{{trigger.body.rows}}",{{{setting}}},"steps":[{"id":"t","type":"emit","channel":"c"}]}""")
            .ShouldHaveProblem($"$.steps[0].{field}", word);

    [Fact]
    public void Load_ForEachWithoutSteps_IsReported() =>
        LoadSteps("""{"id":"s","type":"forEach","items":"{{trigger.body.rows}}"}""").ShouldHaveProblem("$.steps[0].steps", "at least one step");

    [Theory]
    [InlineData("""{"onTimeout":"approve"}""", "onTimeout", "reject, escalate, continue")]
    [InlineData("""{"onTimeout":"escalate"}""", "onTimeout", "at least two approver groups")]
    [InlineData("""{"channels":[]}""", "channels", "empty")]
    [InlineData("""{"reminder":{"interval":"1h","max":0}}""", "reminder.max", "1 or more")]
    public void Load_BadApprovalSettings_AreReported(string extra, string field, string word) =>
        LoadSteps($$"""{"id":"s","type":"approval","approvers":[{"name":"managers","members":["a@example.com"]}],{{extra[1..^1]}}}""")
            .ShouldHaveProblem($"$.steps[0].{field}", word);

    [Fact]
    public void Load_ApprovalWithoutApprovers_IsReported() =>
        LoadSteps("""{"id":"s","type":"approval","approvers":[]}""").ShouldHaveProblem("$.steps[0].approvers", "at least one approver group");

    [Fact]
    public void Load_ApprovalGroupsWithTheSameName_AreReported() =>
        LoadSteps("""{"id":"s","type":"approval","approvers":[{"name":"a"},{"name":"a"}],"onTimeout":"escalate"}""")
            .ShouldHaveProblem("$.steps[0].approvers[1].name", "already used");

    [Fact]
    public void Load_UnknownTerminateStatus_IsReported() =>
        LoadSteps("""{"id":"s","type":"terminate","status":"cancelled"}""").ShouldHaveProblem("$.steps[0].status", "completed, failed, terminated");

    [Fact]
    public void Load_SwitchCaseWithBothEqualsAndWhen_IsReported() =>
        LoadSteps("""{"id":"s","type":"switch","value":"{{trigger.body.kind}}","cases":[{"equals":"a","when":{"path":"x","value":1}}]}""")
            .ShouldHaveProblem("$.steps[0].cases[0]", "exactly one of 'equals'");

    [Fact]
    public void Load_OnTimeoutStepsWithoutTimeout_IsReported() =>
        LoadSteps("""{"id":"s","type":"waitForEvent","event":"e","onTimeout":[{"id":"t","type":"emit","channel":"c"}]}""")
            .ShouldHaveProblem("$.steps[0].onTimeout", "never run");

    [Fact]
    public void Load_SubWorkflowStartingItself_IsReported() =>
        LoadSteps("""{"id":"s","type":"subWorkflow","workflow":"test.flow"}""").ShouldHaveProblem("$.steps[0].workflow", "this workflow itself");
}
