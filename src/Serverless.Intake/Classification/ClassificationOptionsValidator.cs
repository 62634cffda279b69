using Microsoft.Extensions.Options;

namespace Serverless.Intake.Classification;

internal sealed class ClassificationOptionsValidator : IValidateOptions<ClassificationOptions>
{
    private const string Llm = LlmClassifierOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ClassificationOptions options)
    {
        var problems = new List<string>();
        var llm = options.Llm;
        string[] providers = [LlmClassifierOptions.None, LlmClassifierOptions.OpenAI, LlmClassifierOptions.Azure];
        if (!providers.Contains(llm.Provider, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{Llm}:Provider must be none, openai or azure, not '{llm.Provider}'.");
        }

        var hasEndpoint = Uri.TryCreate(llm.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https";
        if (!string.IsNullOrWhiteSpace(llm.Endpoint) && !hasEndpoint)
        {
            problems.Add($"{Llm}:Endpoint = '{llm.Endpoint}' is not an absolute http(s) URL.");
        }
        else if (string.Equals(llm.Provider, LlmClassifierOptions.Azure, StringComparison.OrdinalIgnoreCase) && !hasEndpoint)
        {
            problems.Add($"{Llm}:Endpoint is required for azure (https://RESOURCE.openai.azure.com/).");
        }

        CheckIdentity(problems, llm, hasEndpoint ? endpoint : null);
        if (options.BuiltInMinConfidence is < 0 or > 1 || llm.MinConfidence is < 0 or > 1)
        {
            problems.Add("RequestHandler:Classification:BuiltInMinConfidence and Llm:MinConfidence must be between 0 and 1.");
        }

        if (string.IsNullOrWhiteSpace(options.ModelPath))
        {
            problems.Add("RequestHandler:Classification:ModelPath must not be empty.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckIdentity(List<string> problems, LlmClassifierOptions llm, Uri? endpoint)
    {
        var credential = !string.IsNullOrWhiteSpace(llm.Credential);
        var clientId = !string.IsNullOrWhiteSpace(llm.ClientId);
        if (credential && !string.Equals(llm.Credential, LlmClassifierOptions.ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{Llm}:Credential must be empty (DefaultAzureCredential) or 'managedidentity', not '{llm.Credential}'.");
        }

        if (clientId && !Guid.TryParse(llm.ClientId, out _))
        {
            problems.Add($"{Llm}:ClientId = '{llm.ClientId}' is not a managed identity client id (a GUID).");
        }

        if ((credential || clientId) && !llm.IsAzure)
        {
            problems.Add($"{Llm}:Credential and ClientId apply only to Azure OpenAI: set Provider to azure, or an Endpoint on *.openai.azure.com or *.cognitiveservices.azure.com.");
        }

        if ((credential || clientId) && !string.IsNullOrWhiteSpace(llm.ApiKey))
        {
            problems.Add($"{Llm}:ApiKey and Credential/ClientId are both set: keep the key, or remove it to authenticate with the identity.");
        }

        // A bearer token is worth more than the request: never send it in clear text, except to a local test server.
        if (llm.IsConfigured && llm.UsesIdentity && endpoint is { Scheme: "http", IsLoopback: false })
        {
            problems.Add($"{Llm}:Endpoint must be https to authenticate with an Entra ID token (was '{endpoint}').");
        }
    }
}
