using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Llm;
using Serverless.Mail.Classification;
using Serverless.Testing.Llm;

namespace Serverless.Mail.Tests.Classification;

/// <summary>The optional LLM classifier of the email agent against a local server speaking the chat completions
/// contract: it is asked inside the configured label sets, cannot answer outside them, and the built-in side
/// (models or defaults, urgency rules) keeps the last word where the LLM is unsure.</summary>
public sealed class EmailLlmClassificationTests : IAsyncLifetime
{
    private FakeOpenAIServer server = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        server = await FakeOpenAIServer.StartAsync();
        services = new ServiceCollection().AddLlmLabelClassifier().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
    }

    private EmailClassificationOptions Options(params string[] categories) => new()
    {
        Categories = categories.Length > 0 ? [.. categories] : [.. EmailClassificationOptions.DefaultCategories],
        Priorities = [.. EmailClassificationOptions.DefaultPriorities],
        CategoryModelPath = "",
        PriorityModelPath = "",
        DefaultCategory = categories.Length > 0 ? categories[0] : "Support",
        UrgencyRules = [.. UrgencyRule.Defaults],
        Llm = new LlmClassifierOptions { Provider = "openai", Endpoint = server.Endpoint, ApiKey = "sk-test", Model = "gpt-test", MinConfidence = 0.7 },
    };

    private EmailLlmClassifier Llm(EmailClassificationOptions options) =>
        new(services.GetRequiredService<LlmLabelClassifier>(), Microsoft.Extensions.Options.Options.Create(options));

    [Fact]
    public async Task Classify_AsksInsideTheConfiguredLabelSets_InOneCall()
    {
        server.Content = """{"category":"Billing","category_confidence":0.91,"priority":"Haute","priority_confidence":0.8}""";
        var options = Options("Bug", "Question", "Billing");

        var answer = await Llm(options).ClassifyAsync("Facture en double", "Bonjour, nous avons été prélevés deux fois.", CancellationToken.None);

        answer[EmailLlmClassifier.Category].Should().Be(new LlmLabel("Billing", 0.91));
        answer[EmailLlmClassifier.Priority].Should().Be(new LlmLabel("Haute", 0.8));
        var (body, authorization) = server.Requests.Single();
        authorization.Should().Be("Bearer sk-test");
        var schema = body["response_format"]!["json_schema"]!["schema"]!;
        body["response_format"]!["json_schema"]!["strict"]!.GetValue<bool>().Should().BeTrue();
        schema["properties"]!["category"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("Bug", "Question", "Billing");
        schema["properties"]!["priority"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("Critique", "Haute", "Moyenne", "Basse");
        schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).Should().BeEquivalentTo("category", "category_confidence", "priority", "priority_confidence");
        body["messages"]!.AsArray().Last()!["content"]!.GetValue<string>().Should().StartWith("Subject: Facture en double");
    }

    [Fact]
    public async Task Classify_ALabelOutsideTheSet_IsAFailureNamingIt_NeverANewLabel()
    {
        server.Content = """{"category":"Urgent","category_confidence":0.99,"priority":"Haute","priority_confidence":0.8}""";

        var act = () => Llm(Options()).ClassifyAsync("Help", "Our site is down", CancellationToken.None);

        (await act.Should().ThrowAsync<LlmClassificationException>()).Which.Message
            .Should().Contain("'Urgent'").And.Contain("Technique, Commercial, Support, Facturation");
    }

    [Fact]
    public async Task Classify_TheEndpointFails_IsAFailureWithTheStatus()
    {
        server.Status = 503;

        var act = () => Llm(Options()).ClassifyAsync("Help", "text", CancellationToken.None);

        (await act.Should().ThrowAsync<LlmClassificationException>()).Which.Message.Should().Contain("503");
    }

    [Fact]
    public void Classifier_ConfidentLlmAnswer_IsTaken_AndTheUrgencyRulesStillRaiseThePriority()
    {
        var classifier = new EmailClassifier(Microsoft.Extensions.Options.Options.Create(Options()));
        var llm = new Dictionary<string, LlmLabel>
        {
            [EmailLlmClassifier.Category] = new("Technique", 0.9),
            [EmailLlmClassifier.Priority] = new("Moyenne", 0.75),
        };

        var result = classifier.Classify("Production down", "Nothing works since 9:00.", llm);

        result.Category.Should().Be("Technique");
        result.CategoryConfidence.Should().Be(0.9);
        result.Priority.Should().Be("Critique", "the outage rule raises what the LLM said");
        result.Urgency.Should().Be("outage");
        result.Classifier.Should().Be("llm");
    }

    [Fact]
    public void Classifier_UnsureLlmAnswer_LeavesTheSetToTheBuiltInSide_AndSaysWhy()
    {
        var classifier = new EmailClassifier(Microsoft.Extensions.Options.Options.Create(Options()));
        var llm = new Dictionary<string, LlmLabel>
        {
            [EmailLlmClassifier.Category] = new("Commercial", 0.4),
            [EmailLlmClassifier.Priority] = new("Basse", 0.95),
        };

        var result = classifier.Classify("Question", "Where do I change my password?", llm);

        result.Category.Should().Be("Support", "no model file: the default category");
        result.Priority.Should().Be("Basse");
        result.Classifier.Should().Be("llm+model");
        result.Reasons.Should().Contain(r => r.Contains("Commercial at 0.40") && r.Contains("Mail:Classification:Llm:MinConfidence"));
    }

    [Fact]
    public void Validator_NamesTheLlmSettingThatIsWrong()
    {
        var options = Options();
        options.Llm.Provider = "gemini";
        options.Llm.MinConfidence = 2;

        var result = new EmailClassificationOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().Contain(f => f.Contains("Mail:Classification:Llm:Provider") && f.Contains("gemini"));
        result.Failures.Should().Contain(f => f.Contains("Mail:Classification:Llm:MinConfidence"));
    }
}
