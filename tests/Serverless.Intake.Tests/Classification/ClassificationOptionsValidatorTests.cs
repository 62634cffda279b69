using Serverless.Connectors.Llm;
using Serverless.Intake.Classification;

namespace Serverless.Intake.Tests.Classification;

public sealed class ClassificationOptionsValidatorTests
{
    private static IEnumerable<string> Problems(LlmClassifierOptions llm) =>
        new ClassificationOptionsValidator().Validate(null, new ClassificationOptions { Llm = llm }).Failures ?? [];

    [Fact]
    public void Validate_AzureWithManagedIdentityAndClientId_Passes()
    {
        var llm = new LlmClassifierOptions
        {
            Provider = "azure", Endpoint = "https://contoso.openai.azure.com/", Credential = "managedidentity", ClientId = Guid.NewGuid().ToString(),
        };

        Problems(llm).Should().BeEmpty();
    }

    [Fact]
    public void Validate_UnknownCredential_NamesTheSetting()
    {
        var llm = new LlmClassifierOptions { Provider = "azure", Endpoint = "https://contoso.openai.azure.com/", Credential = "workload" };

        Problems(llm).Should().ContainSingle().Which.Should().Contain("RequestHandler:Classification:Llm:Credential").And.Contain("workload");
    }

    [Fact]
    public void Validate_ClientIdNotAGuid_NamesTheSetting()
    {
        var llm = new LlmClassifierOptions { Provider = "azure", Endpoint = "https://contoso.openai.azure.com/", ClientId = "my-identity" };

        Problems(llm).Should().ContainSingle().Which.Should().Contain("RequestHandler:Classification:Llm:ClientId");
    }

    [Fact]
    public void Validate_IdentityForPlainOpenAI_Fails()
    {
        var llm = new LlmClassifierOptions { Provider = "openai", ApiKey = "sk-1", Credential = "managedidentity" };

        Problems(llm).Should().Contain(p => p.Contains("apply only to Azure OpenAI", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ApiKeyAndIdentityBothSet_Fails()
    {
        var llm = new LlmClassifierOptions { Provider = "azure", Endpoint = "https://contoso.openai.azure.com/", ApiKey = "k", Credential = "managedidentity" };

        Problems(llm).Should().ContainSingle().Which.Should().Contain("ApiKey and Credential/ClientId are both set");
    }

    [Fact]
    public void Validate_IdentityOverPlainHttp_Fails()
    {
        var llm = new LlmClassifierOptions { Provider = "azure", Endpoint = "http://aoai.internal.example/" };

        Problems(llm).Should().ContainSingle().Which.Should().Contain("must be https");
    }

    [Fact]
    public void Validate_AzureWithoutEndpoint_NamesTheSetting()
    {
        Problems(new LlmClassifierOptions { Provider = "azure", ApiKey = "k" }).Should().ContainSingle()
            .Which.Should().Contain("RequestHandler:Classification:Llm:Endpoint is required for azure");
    }

    [Fact]
    public void Validate_EndpointNotAUrl_NamesTheSetting()
    {
        Problems(new LlmClassifierOptions { Provider = "openai", ApiKey = "k", Endpoint = "api.openai.com" }).Should().ContainSingle()
            .Which.Should().Contain("RequestHandler:Classification:Llm:Endpoint = 'api.openai.com'");
    }
}
