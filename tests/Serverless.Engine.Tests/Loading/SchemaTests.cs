using NJsonSchema;
using static Serverless.Engine.Tests.Loading.LoaderTestData;

namespace Serverless.Engine.Tests.Loading;

/// <summary>The JSON Schema and the loader must agree: every shipped definition passes both, broken ones fail both.</summary>
public class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(OutputFolder("schemas"), "workflow.schema.json"))).GetAwaiter().GetResult());

    /// <summary>Shipped workflows, the documentation's examples and this folder's fixtures.</summary>
    public static TheoryData<string> Definitions() => [.. ShippedWorkflows().Concat(DocumentationExamples()).Concat(Fixtures())];

    [Theory]
    [MemberData(nameof(Definitions))]
    public void ShippedDefinition_ValidatesAgainstSchemaAndLoads(string file)
    {
        var json = File.ReadAllText(file);

        Schema.Value.Validate(json).Select(e => e.ToString()).Should().BeEmpty();
        Loader.Load(json, Path.GetFileName(file)).ShouldSucceed();
    }

    [Fact]
    public void ShippedDefinitions_LoadTogether_WithTheirSubWorkflowsResolved()
    {
        var files = ShippedWorkflows().ToList();

        var result = Loader.LoadAll(files.Select(f => (Path.GetFileName(f), File.ReadAllText(f))));

        result.Problems.Should().BeEmpty(string.Join("\n", result.Problems));
    }

    [Theory]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"activty","activity":"x"}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"activity"}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"activity","actvity":"x"}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"activity","activity":"x","retry":{"maxAttempts":0}}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"activity","activity":"x","retry":{"jitter":1.5}}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"activity","activity":"x","onError":"fallback"}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"activity","activity":"x","timeout":"5 minutes"}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"wait"}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"wait","duration":"1s","until":"2026-01-01T00:00:00Z"}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"approval","approvers":[{"name":"g"}],"onTimeout":"escalate"}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"approval","approvers":[]}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"if","condition":{"path":"x","op":"like","value":1}}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"if","condition":{"path":"x","op":">"}}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"if","condition":{"field":"x"}}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"forEach","items":"{{x}}","mode":"batch","steps":[{"id":"t","type":"emit","channel":"c"}]}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"terminate","status":"cancelled"}]}""")]
    [InlineData("""{"id":"a","triggers":[{"type":"webhook","route":"r","auth":"basic"}],"steps":[{"id":"s","type":"emit","channel":"c"}]}""")]
    [InlineData("""{"id":"a","triggers":[{"type":"schedule","cron":"0 9 * *"}],"steps":[{"id":"s","type":"emit","channel":"c"}]}""")]
    [InlineData("""{"id":"a","triggers":[{"type":"cron","cron":"0 9 * * *"}],"steps":[{"id":"s","type":"emit","channel":"c"}]}""")]
    [InlineData("""{"id":"a","version":0,"steps":[{"id":"s","type":"emit","channel":"c"}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"activity","activity":"x","onError":"continue","fallback":{}}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"if","condition":{"path":"x","op":"in","value":3}}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"switch","value":"v","cases":[{"equals":1,"when":{"path":"x","value":1}}]}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"set","variables":{"a b":1}}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"send mail","type":"emit","channel":"c"}]}""")]
    [InlineData("""{"id":"a","steps":[{"id":"s","type":"subWorkflow","workflow":"b","version":0}]}""")]
    [InlineData("""{"id":"a","steps":[]}""")]
    [InlineData("""{"steps":[{"id":"s","type":"emit","channel":"c"}]}""")]
    public void BrokenDefinition_FailsBothSchemaAndLoader(string json)
    {
        Schema.Value.Validate(json).Should().NotBeEmpty();
        Loader.Load(json).Succeeded.Should().BeFalse();
    }

    [Fact]
    public void BrokenFixture_FailsBothSchemaAndLoader()
    {
        var json = File.ReadAllText(Fixtures().First()).Replace("\"type\": \"activity\"", "\"type\": \"activty\"", StringComparison.Ordinal);

        Schema.Value.Validate(json).Should().NotBeEmpty();
        Loader.Load(json).Succeeded.Should().BeFalse();
    }
}
