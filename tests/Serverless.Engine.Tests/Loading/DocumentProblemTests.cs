using Serverless.Engine.Loading;
using static Serverless.Engine.Tests.Loading.LoaderTestData;

namespace Serverless.Engine.Tests.Loading;

public class DocumentProblemTests
{
    [Fact]
    public void Load_InvalidJson_ReportsOneProblemWithLineAndPosition()
    {
        var result = Load("{\n  \"id\": \"x\",\n  \"steps\": [\n}");

        result.Problems.Should().ContainSingle();
        var problem = result.ShouldHaveProblem("$", "not valid JSON");
        problem.Message.Should().Contain("line 4");
        problem.Source.Should().Be("test.json");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Load_EmptyText_ReportsEmptyDocument(string json) =>
        Load(json).ShouldHaveProblem("$", "empty");

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public void Load_NotAnObject_SaysWhatItIs(string json, string kind) =>
        Load(json).ShouldHaveProblem("$", kind);

    [Fact]
    public void Load_DuplicateJsonProperty_IsAProblemNotACrash() =>
        Load("""{"id":"a","id":"b","steps":[]}""").ShouldHaveProblem("$", "not valid JSON");

    [Fact]
    public void Load_MissingIdAndSteps_ReportsBoth()
    {
        var result = Load("""{"name":"nothing"}""");

        result.ShouldHaveProblem("$.id", "required");
        result.ShouldHaveProblem("$.steps", "required");
    }

    [Fact]
    public void Load_EmptySteps_NeedsAtLeastOne() =>
        Load("""{"id":"a","steps":[]}""").ShouldHaveProblem("$.steps", "at least one step");

    [Theory]
    [InlineData("0", "1 or more")]
    [InlineData("-2", "1 or more")]
    [InlineData("1.5", "whole number")]
    [InlineData("\"2\"", "whole number")]
    public void Load_BadVersion_IsReported(string version, string word) =>
        Load($$"""{"id":"a","version":{{version}},"steps":[{"id":"s","type":"emit","channel":"c"}]}""")
            .ShouldHaveProblem("$.version", word);

    [Fact]
    public void Load_WorkflowIdWithSpaces_IsReported() =>
        Load("""{"id":"my flow","steps":[{"id":"s","type":"emit","channel":"c"}]}""").ShouldHaveProblem("$.id", "may hold only");

    [Fact]
    public void Load_UnknownTopLevelProperty_SuggestsTheClosestName() =>
        Load("""{"id":"a","stpes":[],"steps":[{"id":"s","type":"emit","channel":"c"}]}""")
            .ShouldHaveProblem("$.stpes", "did you mean 'steps'");

    [Fact]
    public void Load_SchemaReference_IsAllowed() =>
        Load("""{"$schema":"../schemas/workflow.schema.json","id":"a","steps":[{"id":"s","type":"emit","channel":"c"}]}""").ShouldSucceed();

    [Fact]
    public void Load_ManyMistakes_ReportsEveryOneAtOnce()
    {
        var result = LoadSteps(
            """{"id":"a","type":"activty","activity":"x"}""",
            """{"id":"b","type":"activity","actvity":"crm.getDeal"}""",
            """{"id":"a","type":"wait"}""",
            """{"id":"c","type":"activity","activity":"x","retry":{"maxAttempts":0,"jitter":2}}""",
            """{"id":"d","type":"emit","channel":"c","payload":"{{steps.nope.output}}"}""");

        result.ShouldHaveProblem("$.steps[0].type", "activity");
        result.ShouldHaveProblem("$.steps[1].actvity", "did you mean 'activity'");
        result.ShouldHaveProblem("$.steps[1].activity", "required");
        result.ShouldHaveProblem("$.steps[2].id", "$.steps[0]");
        result.ShouldHaveProblem("$.steps[2]", "exactly one");
        result.ShouldHaveProblem("$.steps[3].retry.maxAttempts", "1 or more");
        result.ShouldHaveProblem("$.steps[3].retry.jitter", "between 0 and 1");
        result.ShouldHaveProblem("$.steps[4].payload", "nope");
        result.Problems.Should().HaveCount(8);
    }

    [Fact]
    public void Problem_ToString_IsSourcePathMessage() =>
        new DefinitionProblem("flows/a.json", "$.steps[2].retry.maxAttempts", "'maxAttempts' must be 1 or more, not 0.")
            .ToString().Should().Be("flows/a.json: $.steps[2].retry.maxAttempts: 'maxAttempts' must be 1 or more, not 0.");

    [Theory]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"if","condition":{"and":[null]}}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"switch","value":"v","cases":[1,[],null]}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"approval","approvers":[null,{"name":3,"members":"x"}]}]}""")]
    [InlineData("""{"id":"a","triggers":{"type":"manual"},"steps":{"id":"s"}}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"set","variables":{"a.b":1}},{"id":{"x":1},"type":["activity"]}]}""")]
    public void Load_OddShapes_ReportProblemsWithoutThrowing(string json)
    {
        var act = () => Load(json);

        act.Should().NotThrow().Which.Problems.Should().NotBeEmpty();
    }
}
