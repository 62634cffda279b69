using Serverless.Engine.Definitions;
using Serverless.Engine.Loading;

namespace Serverless.Engine.Tests.Loading;

public class CatalogLoadTests
{
    private static readonly WorkflowDefinitionLoader Loader = new(new LoaderOptions());

    private static (string, string) Doc(string id, string steps, int version = 1) =>
        ($"{id}.v{version}.json", $$"""{"id":"{{id}}","version":{{version}},"steps":[{{steps}}]}""");

    private static string Sub(string stepId, string workflow, string version = "") =>
        $$"""{"id":"{{stepId}}","type":"subWorkflow","workflow":"{{workflow}}"{{version}}}""";

    private const string Emit = """{"id":"e","type":"emit","channel":"c"}""";

    [Fact]
    public void LoadAll_ValidSet_GroupsVersionsById()
    {
        var result = Loader.LoadAll([Doc("b", Emit, 2), Doc("a", Sub("call", "b")), Doc("b", Emit, 1)]);

        result.Problems.Should().BeEmpty();
        result.Succeeded.Should().BeTrue();
        result.Definitions["b"].Select(d => d.Version).Should().Equal(1, 2);
        result.Find("b")!.Version.Should().Be(2);
        result.Find("b", 1)!.Version.Should().Be(1);
        result.Find("a")!.Steps.Single().Should().BeOfType<SubWorkflowStep>().Which.Workflow.Should().Be("b");
    }

    [Fact]
    public void LoadAll_UnknownSubWorkflow_IsReportedOnTheStep()
    {
        var result = Loader.LoadAll([Doc("orders", Sub("call", "order-mails")), Doc("order-mail", Emit)]);

        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Source.Should().Be("orders.v1.json");
        problem.Path.Should().Be("$.steps[0].workflow");
        problem.Message.Should().Contain("does not exist").And.Contain("did you mean 'order-mail'");
        result.Definitions.Should().ContainKey("order-mail").And.NotContainKey("orders");
    }

    [Fact]
    public void LoadAll_UnknownSubWorkflowVersion_IsReported()
    {
        var result = Loader.LoadAll([Doc("a", Sub("call", "b", ",\"version\":3")), Doc("b", Emit)]);

        result.Problems.Should().ContainSingle().Which.Message.Should().Contain("no version 3");
    }

    [Fact]
    public void LoadAll_TwoDocumentsWithTheSameIdAndVersion_IsReported()
    {
        var result = Loader.LoadAll([Doc("a", Emit), Doc("a", Emit)]);

        result.Problems.Should().ContainSingle().Which.Message.Should().Contain("already defined");
    }

    [Fact]
    public void LoadAll_CycleThroughNestedBlocks_IsReportedOnEveryDefinitionInIt()
    {
        var nested = $$$"""{"id":"loop","type":"forEach","items":"{{trigger.body.rows}}","steps":[{"id":"check","type":"if","condition":{"path":"item.ok","value":true},"then":[{{{Sub("deep", "a")}}}]}]}""";
        var result = Loader.LoadAll([Doc("a", Sub("to_b", "b")), Doc("b", Sub("to_c", "c")), Doc("c", nested), Doc("d", Sub("to_a", "a"))]);

        result.Problems.Select(p => (p.Source, p.Path)).Should().BeEquivalentTo(new[]
        {
            ("a.v1.json", "$.steps[0].workflow"),
            ("b.v1.json", "$.steps[0].workflow"),
            ("c.v1.json", "$.steps[0].steps[0].then[0].workflow"),
        });
        result.Problems.Should().OnlyContain(p => p.Message.Contains("leads back"));
        result.Problems.First(p => p.Source == "a.v1.json").Message.Should().Contain("a -> b -> c -> a");
        result.Definitions.Keys.Should().BeEquivalentTo("d");
    }

    [Fact]
    public void LoadAll_OlderVersionCallingTheNewer_IsNotACycle()
    {
        var result = Loader.LoadAll([Doc("a", Emit, 2), Doc("a", Sub("upgrade", "a", ",\"version\":2"), 1)]);

        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public void LoadAll_DocumentsWithOwnProblems_AreReportedWithTheirSource()
    {
        var result = Loader.LoadAll([("broken.json", "{"), Doc("a", Emit)]);

        result.Problems.Should().ContainSingle().Which.Source.Should().Be("broken.json");
        result.Definitions.Should().ContainKey("a");
        result.Succeeded.Should().BeFalse();
    }
}
