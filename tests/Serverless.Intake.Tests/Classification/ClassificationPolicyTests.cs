using Serverless.Testing.Llm;
using Serverless.Connectors.Llm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serverless.Intake.Classification;
using Serverless.Intake.Tests.Support;

namespace Serverless.Intake.Tests.Classification;

public sealed class ClassificationPolicyTests : IAsyncLifetime
{
    private static readonly RequestText Modelling = new(
        "Maquette BIM immeuble", "Nous avons besoin d'une maquette BIM LOD 300 d'un immeuble de bureaux à partir des plans DWG joints.", ["plans.dwg"]);

    private FakeOpenAIServer openAI = null!;

    public async Task InitializeAsync() => openAI = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await openAI.DisposeAsync();

    [Fact]
    public async Task Classify_LlmConfiguredAndConfident_LlmDecidesThroughAStrictJsonSchema()
    {
        openAI.Content = """{"label":"MODELISATION","confidence":0.91}""";

        var outcome = await Policy(Llm()).ClassifyAsync(Modelling, "SUPPORT", CancellationToken.None);

        outcome.Should().BeEquivalentTo(new { TypeFinal = "MODELISATION", Confiance = 0.91, Reclassifie = true, Classifier = "llm" });
        var (body, authorization) = openAI.Requests.Single();
        authorization.Should().Be("Bearer sk-test");
        body["model"]!.ToString().Should().Be("gpt-test");
        body["response_format"]!["type"]!.ToString().Should().Be("json_schema");
        body["response_format"]!["json_schema"]!["strict"]!.GetValue<bool>().Should().BeTrue();
        body["response_format"]!["json_schema"]!["schema"]!["properties"]!["label"]!["enum"]!.AsArray()
            .Select(n => n!.ToString()).Should().Equal("SUPPORT", "MODELISATION");
        body["messages"]!.AsArray().Last()!["content"]!.ToJsonString().Should().Contain("Maquette BIM immeuble");
    }

    [Theory]
    [InlineData("""{"label":"URGENT","confidence":0.99}""")]
    [InlineData("""{"label":"SUPPORT","confidence":1.7}""")]
    [InlineData("je pense que c'est du support")]
    public async Task Classify_LlmAnswersOutsideTheSchema_IsAFailureAndTheBuiltInModelDecides(string answer)
    {
        openAI.Content = answer;

        var outcome = await Policy(Llm()).ClassifyAsync(Modelling, "SUPPORT", CancellationToken.None);

        outcome.Classifier.Should().Be("builtin");
        outcome.TypeFinal.Should().Be("MODELISATION");
        outcome.Notes.Should().Contain(n => n.StartsWith("LLM failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Classify_LlmBelowItsThreshold_TheBuiltInModelDecides()
    {
        openAI.Content = """{"label":"SUPPORT","confidence":0.4}""";

        var outcome = await Policy(Llm()).ClassifyAsync(Modelling, "MODELISATION", CancellationToken.None);

        outcome.Classifier.Should().Be("builtin");
        outcome.Notes[0].Should().Contain("below");
    }

    [Fact]
    public async Task Classify_LlmEndpointFailing_TheBuiltInModelDecides()
    {
        openAI.Status = 500;

        var outcome = await Policy(Llm()).ClassifyAsync(Modelling, "SUPPORT", CancellationToken.None);

        outcome.Classifier.Should().Be("builtin");
        outcome.Notes[0].Should().Contain("500");
    }

    [Fact]
    public async Task Classify_NoLlmAndNoModelFile_TheFormsSourceDecides()
    {
        var settings = new ClassificationOptions { ModelPath = "/nonexistent/model.json" };

        var outcome = await Policy(settings).ClassifyAsync(Modelling, "SUPPORT", CancellationToken.None);

        outcome.Should().BeEquivalentTo(new { TypeFinal = "SUPPORT", Reclassifie = false, Classifier = "form" });
        outcome.Notes.Should().Contain(n => n.Contains("not found", StringComparison.Ordinal));
    }

    private ClassificationOptions Llm() => new()
    {
        ModelPath = Path.Combine(RepositoryPaths.Root, "models", "request-classifier.json"),
        Llm = new LlmClassifierOptions { Provider = "openai", Endpoint = openAI.Endpoint, ApiKey = "sk-test", Model = "gpt-test", Timeout = TimeSpan.FromSeconds(10) },
    };

    private static RequestClassificationPolicy Policy(ClassificationOptions settings)
    {
        var options = Options.Create(settings);
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new RequestClassificationPolicy(new LlmRequestClassifier(new LlmLabelClassifier(new LlmChatClientFactory(http)), options), new BuiltInRequestClassifier(options), options,
            NullLogger<RequestClassificationPolicy>.Instance);
    }
}
