using static Serverless.Engine.Tests.Loading.LoaderTestData;

namespace Serverless.Engine.Tests.Loading;

public class ConditionAndTemplateProblemTests
{
    private static string If(string condition) =>
        Definition($$"""{"id":"gate","type":"if","condition":{{condition}},"then":[{"id":"t","type":"emit","channel":"c"}]}""");

    [Theory]
    [InlineData("=")]
    [InlineData("equals")]
    [InlineData("like")]
    public void Load_UnknownComparisonOperator_ListsTheOperators(string op)
    {
        var problem = Load(If($$"""{"path":"trigger.body.x","op":"{{op}}","value":1}""")).ShouldHaveProblem("$.steps[0].condition.op", "Unknown comparison operator");

        problem.Message.Should().Contain("not_in").And.Contain("exists");
    }

    [Fact]
    public void Load_SwappedOperator_SuggestsTheOneWithTheSameCharacters() =>
        Load(If("""{"path":"a","op":"=>","value":1}""")).ShouldHaveProblem("$.steps[0].condition.op", "did you mean '>='");

    [Fact]
    public void Load_NestedBadOperator_IsReportedAtItsPath() =>
        Load(If("""{"or":[{"path":"a","value":1},{"not":{"and":[{"path":"b","op":"=~","value":2}]}}]}"""))
            .ShouldHaveProblem("$.steps[0].condition.or[1].not.and[0].op", "operator");

    [Theory]
    [InlineData("""{"field":"a","equals":1}""", "$.steps[0].condition")]
    [InlineData("""{}""", "$.steps[0].condition")]
    [InlineData("""{"and":[{"path":"a","value":1},{"any":[]}]}""", "$.steps[0].condition.and[1]")]
    [InlineData("""["a","==",1]""", "$.steps[0].condition")]
    public void Load_ConditionOfUnknownShape_IsReported(string condition, string path) =>
        Load(If(condition)).ShouldHaveProblem(path, "'and', 'or', 'not' or a comparison");

    [Theory]
    [InlineData("""{"and":[]}""", "$.steps[0].condition.and", "at least one")]
    [InlineData("""{"and":{"path":"a"}}""", "$.steps[0].condition.and", "must be an array")]
    [InlineData("""{"and":[{"path":"a","value":1}],"or":[]}""", "$.steps[0].condition.or", "Unknown property")]
    [InlineData("""{"path":"a","op":">"}""", "$.steps[0].condition.value", "required")]
    [InlineData("""{"path":"a","op":"in","value":5}""", "$.steps[0].condition.value", "array")]
    [InlineData("""{"path":"{{a}}","value":5}""", "$.steps[0].condition.path", "dotted path")]
    [InlineData("""{"path":"a","value":1,"vaule":2}""", "$.steps[0].condition.vaule", "did you mean 'value'")]
    public void Load_BadComparison_IsReported(string condition, string path, string word) =>
        Load(If(condition)).ShouldHaveProblem(path, word);

    [Fact]
    public void Load_ExistsWithoutValue_Loads() =>
        Load(If("""{"path":"trigger.body.email","op":"exists"}""")).ShouldSucceed();

    [Fact]
    public void Load_ConditionPathToUnknownStep_IsReported() =>
        Load(If("""{"path":"steps.clasify.output.type","value":"x"}""")).ShouldHaveProblem("$.steps[0].condition.path", "clasify");

    [Theory]
    [InlineData("""{"id":"s","type":"activity","activity":"a","input":{"to":["{{steps.missing.output.email}}"]}}""", "$.steps[0].input.to[0]")]
    [InlineData("""{"id":"s","type":"if","condition":{"path":"x","value":"{{steps.missing.output}}"}}""", "$.steps[0].condition.value")]
    [InlineData("""{"id":"s","type":"forEach","items":"{{steps.missing.output.rows}}","steps":[{"id":"t","type":"emit","channel":"c"}]}""", "$.steps[0].items")]
    [InlineData("""{"id":"s","type":"set","variables":{"total":"{{steps.missing.output.total}}"}}""", "$.steps[0].variables.total")]
    [InlineData("""{"id":"s","type":"switch","value":"{{steps.missing.output}}","cases":[{"equals":"a"}]}""", "$.steps[0].value")]
    [InlineData("""{"id":"s","type":"emit","channel":"c","payload":{"n":"Total: {{steps.missing.output.n | default: 0}}"}}""", "$.steps[0].payload.n")]
    [InlineData("""{"id":"s","type":"terminate","output":"{{steps.missing.output}}"}""", "$.steps[0].output")]
    [InlineData("""{"id":"s","type":"approval","approvers":[{"name":"g","members":["{{steps.missing.output.manager}}"]}]}""", "$.steps[0].approvers[0].members[0]")]
    public void Load_TemplateReferringToUnknownStep_IsReportedWhereTheTemplateIs(string step, string path) =>
        LoadSteps(step).ShouldHaveProblem(path, "step 'missing', which does not exist");

    [Fact]
    public void Load_TemplateInDefinitionOutputReferringToUnknownStep_IsReported() =>
        Load("""{"id":"a","steps":[{"id":"s","type":"emit","channel":"c"}],"output":{"result":"{{steps.s2.output}}"}}""")
            .ShouldHaveProblem("$.output.result", "did you mean 's'");

    [Fact]
    public void Load_TemplateReferringToALaterOrNestedStep_Loads() =>
        LoadSteps(
            """{"id":"first","type":"emit","channel":"c","payload":"{{steps.inner.output}}"}""",
            """{"id":"loop","type":"forEach","items":"{{trigger.body.rows}}","steps":[{"id":"inner","type":"activity","activity":"a","input":"{{item}}"}]}""")
            .ShouldSucceed();

    [Theory]
    [InlineData("{{steps.s.output")]
    [InlineData("{{ trigger.body.name | shout }}")]
    [InlineData("{{ trigger.body.name | truncate: 'long' }}")]
    public void Load_TemplateSyntaxError_IsReportedAtTheString(string template) =>
        LoadSteps(
            """{"id":"s","type":"emit","channel":"c"}""",
            $$$"""{"id":"t","type":"activity","activity":"a","input":{"text":"{{{template}}}"}}""")
            .Problems.Should().Contain(p => p.Path == "$.steps[1].input.text");
}
