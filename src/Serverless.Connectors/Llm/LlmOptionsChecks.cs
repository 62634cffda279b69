namespace Serverless.Connectors.Llm;

/// <summary>The start-up checks of an <see cref="LlmClassifierOptions"/>, each problem named with its setting
/// under <c>section</c>, for the options validator of the system that owns the section.</summary>
public static class LlmOptionsChecks
{
    public static IReadOnlyList<string> Problems(LlmClassifierOptions llm, string section)
    {
        ArgumentNullException.ThrowIfNull(llm);
        var problems = new List<string>();
        string[] providers = [LlmClassifierOptions.None, LlmClassifierOptions.OpenAI, LlmClassifierOptions.Azure];
        if (!providers.Contains(llm.Provider, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{section}:Provider must be none, openai or azure, not '{llm.Provider}'.");
        }

        var hasEndpoint = Uri.TryCreate(llm.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https";
        if (!string.IsNullOrWhiteSpace(llm.Endpoint) && !hasEndpoint)
        {
            problems.Add($"{section}:Endpoint = '{llm.Endpoint}' is not an absolute http(s) URL.");
        }
        else if (string.Equals(llm.Provider, LlmClassifierOptions.Azure, StringComparison.OrdinalIgnoreCase) && !hasEndpoint)
        {
            problems.Add($"{section}:Endpoint is required for azure (https://RESOURCE.openai.azure.com/).");
        }

        if (llm.MinConfidence is < 0 or > 1)
        {
            problems.Add($"{section}:MinConfidence must be between 0 and 1.");
        }

        CheckIdentity(problems, llm, hasEndpoint ? endpoint : null, section);
        return problems;
    }

    private static void CheckIdentity(List<string> problems, LlmClassifierOptions llm, Uri? endpoint, string section)
    {
        var credential = !string.IsNullOrWhiteSpace(llm.Credential);
        var clientId = !string.IsNullOrWhiteSpace(llm.ClientId);
        if (credential && !string.Equals(llm.Credential, LlmClassifierOptions.ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{section}:Credential must be empty (DefaultAzureCredential) or 'managedidentity', not '{llm.Credential}'.");
        }

        if (clientId && !Guid.TryParse(llm.ClientId, out _))
        {
            problems.Add($"{section}:ClientId = '{llm.ClientId}' is not a managed identity client id (a GUID).");
        }

        if ((credential || clientId) && !llm.IsAzure)
        {
            problems.Add($"{section}:Credential and ClientId apply only to Azure OpenAI: set Provider to azure, or an Endpoint on *.openai.azure.com or *.cognitiveservices.azure.com.");
        }

        if ((credential || clientId) && !string.IsNullOrWhiteSpace(llm.ApiKey))
        {
            problems.Add($"{section}:ApiKey and Credential/ClientId are both set: keep the key, or remove it to authenticate with the identity.");
        }

        // A bearer token is worth more than the request: never send it in clear text, except to a local test server.
        if (llm.IsConfigured && llm.UsesIdentity && endpoint is { Scheme: "http", IsLoopback: false })
        {
            problems.Add($"{section}:Endpoint must be https to authenticate with an Entra ID token (was '{endpoint}').");
        }
    }
}
