using Serverless.Testing.Llm;
using Serverless.Connectors.Llm;
using System.ClientModel;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using OpenAI.Chat;
using Serverless.Intake.Classification;
using Serverless.Intake.Tests.Support;

namespace Serverless.Intake.Tests.Classification;

public sealed class LlmChatClientFactoryTests : IAsyncLifetime
{
    private static readonly RequestText Support = new("Connexion impossible", "Je n'arrive plus à me connecter à mon compte.", []);
    private readonly LlmChatClientFactory _factory =
        new(new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>());

    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static LlmClassifierOptions Options(string provider, string? endpoint, string? apiKey = "key-123", string? credential = null, string? clientId = null) =>
        new() { Provider = provider, Endpoint = endpoint, ApiKey = apiKey, Credential = credential, ClientId = clientId, Model = "classifier-deployment", Timeout = TimeSpan.FromSeconds(10) };

    private static bool IsAzureClient(ChatClient client) => client.GetType().Assembly == typeof(AzureOpenAIClient).Assembly;

    [Fact]
    public void Create_OpenAIProviderWithoutAzureHost_PlainOpenAIClient()
    {
        var client = _factory.Create(Options("openai", "https://api.openai.com/v1"));

        client.GetType().Should().Be<ChatClient>();
    }

    [Theory]
    [InlineData("openai", "https://contoso.openai.azure.com/")]
    [InlineData("openai", "https://contoso.cognitiveservices.azure.com/openai/v1/")]
    [InlineData("azure", "https://gateway.example.com/aoai/")]
    public void Create_AzureEndpointOrProvider_AzureOpenAIClient(string provider, string endpoint)
    {
        var client = _factory.Create(Options(provider, endpoint));

        IsAzureClient(client).Should().BeTrue();
    }

    [Fact]
    public void UsesIdentity_AzureWithKey_KeyWins()
    {
        Options("azure", "https://contoso.openai.azure.com/").UsesIdentity.Should().BeFalse();
        Options("azure", "https://contoso.openai.azure.com/", apiKey: null).UsesIdentity.Should().BeTrue();
        Options("openai", "https://api.openai.com/v1", apiKey: null).IsConfigured.Should().BeFalse("OpenAI has no identity to fall back on");
    }

    [Fact]
    public void Credential_ClientIdGiven_ManagedIdentity()
    {
        var credential = LlmChatClientFactory.Credential(Options("azure", "https://contoso.openai.azure.com/", apiKey: null, clientId: Guid.NewGuid().ToString()));

        credential.Should().BeOfType<ManagedIdentityCredential>();
    }

    [Fact]
    public void Credential_ManagedIdentitySetting_ManagedIdentity()
    {
        var credential = LlmChatClientFactory.Credential(Options("azure", "https://contoso.openai.azure.com/", apiKey: null, credential: "ManagedIdentity"));

        credential.Should().BeOfType<ManagedIdentityCredential>();
    }

    [Fact]
    public void Credential_NeitherSetting_DefaultAzureCredential()
    {
        var credential = LlmChatClientFactory.Credential(Options("azure", "https://contoso.openai.azure.com/", apiKey: null));

        credential.Should().BeOfType<DefaultAzureCredential>();
    }

    [Theory]
    [InlineData("https://contoso.openai.azure.com/openai/v1/", "https://contoso.openai.azure.com/")]
    [InlineData("https://contoso.openai.azure.com", "https://contoso.openai.azure.com/")]
    [InlineData("https://gateway.example.com/aoai/openai", "https://gateway.example.com/aoai/")]
    public void AzureResource_DocumentedForms_CutBackToTheResource(string endpoint, string expected)
    {
        LlmChatClientFactory.AzureResource(endpoint).Should().Be(new Uri(expected));
    }

    [Fact]
    public async Task Classify_AzureWithKey_SendsAzureShapedRequestWithApiKeyHeader()
    {
        _server.Content = """{"label":"SUPPORT","confidence":0.88}""";
        var settings = new ClassificationOptions { Llm = Options("azure", _server.Root + "openai/v1/", apiKey: "azure-key-1") };
        var classifier = new LlmRequestClassifier(new LlmLabelClassifier(_factory), Microsoft.Extensions.Options.Options.Create(settings));

        var guess = await classifier.ClassifyAsync(Support, "SUPPORT", CancellationToken.None);

        guess.Should().Be(new LabelGuess("SUPPORT", 0.88));
        _server.Requests.Should().BeEmpty("an Azure endpoint does not get the OpenAI path");
        var request = _server.AzureRequests.Single();
        request.Deployment.Should().Be("classifier-deployment");
        request.ApiVersion.Should().NotBeNullOrEmpty();
        request.ApiKey.Should().Be("azure-key-1");
        request.Authorization.Should().BeNull();
        request.Body["response_format"]!["type"]!.ToString().Should().Be("json_schema");
        request.Body["messages"]!.AsArray().Last()!["content"]!.ToJsonString().Should().Contain("Connexion impossible");
    }

    [Fact]
    public async Task Create_AzureWithoutKey_SendsTheIdentitysBearerTokenForCognitiveServices()
    {
        var scopes = new List<string>();
        var identity = new Mock<TokenCredential>();
        identity.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .Callback((TokenRequestContext context, CancellationToken _) => scopes.AddRange(context.Scopes))
            .ReturnsAsync(new AccessToken("entra-token-1", DateTimeOffset.UtcNow.AddHours(1)));
        identity.Setup(c => c.GetToken(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .Callback((TokenRequestContext context, CancellationToken _) => scopes.AddRange(context.Scopes))
            .Returns(new AccessToken("entra-token-1", DateTimeOffset.UtcNow.AddHours(1)));
        var client = _factory.Create(Options("azure", _server.Root, apiKey: null), identity.Object);

        using var body = BinaryContent.Create(BinaryData.FromString("""{"messages":[{"role":"user","content":"ping"}]}"""));

        await client.CompleteChatAsync(body);

        var request = _server.AzureRequests.Single();
        request.Authorization.Should().Be("Bearer entra-token-1");
        request.ApiKey.Should().BeNull();
        scopes.Should().Contain("https://cognitiveservices.azure.com/.default");
    }
}
