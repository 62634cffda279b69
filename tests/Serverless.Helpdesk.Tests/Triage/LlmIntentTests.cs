using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Llm;
using Serverless.Helpdesk.Activities;
using Serverless.Helpdesk.Intents;
using Serverless.Helpdesk.Rules;
using Serverless.Runtime.Abstractions;
using Serverless.Testing.Llm;

namespace Serverless.Helpdesk.Tests.Triage;

/// <summary>The optional LLM intent detector against a local server speaking the chat completions contract: asked
/// inside the label set of rules/helpdesk/intents.json; its answer becomes the primary intent, the built-in detector's
/// the secondary; a label outside the set or an unsure answer leaves the built-in answer.</summary>
public sealed class LlmIntentTests : IAsyncLifetime
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

    [Fact]
    public async Task TheLlmChoosesThePrimaryIntent_InsideTheLabels_TheBuiltInKeepsTheRest()
    {
        server.Content = """{"intent":"DEMANDE_DATES_FUTURES","confidence":0.92}""";

        var output = await RunAsync("Changement de session", "Je voudrais changer de session, en journée si possible.");

        output["primary"]!.GetValue<string>().Should().Be("DEMANDE_DATES_FUTURES");
        output["secondary"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Contain("DEMANDE_CHANGEMENT_SESSION");
        output["sessionPreference"]!.GetValue<string>().Should().Be("jour");
        output["detector"]!.GetValue<string>().Should().Be("llm");
        var schema = server.Requests.Single().Body["response_format"]!["json_schema"]!["schema"]!;
        schema["properties"]!["intent"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Contain(["DEMANDE_CHANGEMENT_SESSION", "AUTRE"]).And.HaveCount(13);
    }

    [Theory]
    [InlineData("""{"intent":"URGENT","confidence":0.99}""")]
    [InlineData("""{"intent":"DEMANDE_DATES_FUTURES","confidence":0.2}""")]
    public async Task ALabelOutsideTheSet_OrAnUnsureAnswer_LeavesTheBuiltInAnswer(string answer)
    {
        server.Content = answer;

        var output = await RunAsync("Changement de session", "Je voudrais changer de session.");

        output["primary"]!.GetValue<string>().Should().Be("DEMANDE_CHANGEMENT_SESSION");
        output["detector"]!.GetValue<string>().Should().Be("built-in");
    }

    private async Task<JsonObject> RunAsync(string subject, string text)
    {
        var options = RepositoryFolders.Options();
        options.Llm = new LlmClassifierOptions { Provider = "openai", Endpoint = server.Endpoint, ApiKey = "sk-test", Model = "gpt-test", MinConfidence = 0.7 };
        var wrapped = Options.Create(options);
        var rules = new HelpdeskRules(wrapped);
        var activity = new DetectIntentsActivity(new IntentDetector(rules), new HelpdeskLlmIntents(services.GetRequiredService<LlmLabelClassifier>(), wrapped, rules),
            NullLogger<DetectIntentsActivity>.Instance);
        var context = new ActivityContext("i", "helpdesk-ticket", "intents", "k", 1, new JsonObject { ["subject"] = subject, ["text"] = text }, DryRun: false);
        return (JsonObject)(await activity.RunAsync(context, CancellationToken.None))!;
    }
}
