namespace Serverless.Connectors.Llm;

/// <summary>An optional LLM classifier ("...:Classification:Llm" of each system that classifies). Provider "none"
/// (default), "openai" or "azure".</summary>
public sealed class LlmClassifierOptions
{
    public const string None = "none";
    public const string OpenAI = "openai";
    public const string Azure = "azure";
    public const string ManagedIdentity = "managedidentity";

    public string Provider { get; set; } = None;

    /// <summary>openai: optional (default https://api.openai.com/v1); azure: the resource, https://RESOURCE.openai.azure.com/
    /// (the older https://RESOURCE.openai.azure.com/openai/v1/ form is accepted too).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Secret. For Azure OpenAI, optional: without it the call authenticates with an Entra ID token.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Azure OpenAI without ApiKey: "managedidentity" uses the managed identity (user-assigned with
    /// <see cref="ClientId"/>, else system-assigned); empty uses DefaultAzureCredential unless ClientId is set.</summary>
    public string? Credential { get; set; }

    /// <summary>Azure OpenAI without ApiKey: client id of a user-assigned managed identity.</summary>
    public string? ClientId { get; set; }

    /// <summary>Model name (openai) or deployment name (azure).</summary>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Below this confidence the LLM's label is not used and the built-in model decides.</summary>
    public double MinConfidence { get; set; } = 0.7;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Azure OpenAI's client and auth: Provider "azure", or an Endpoint on an Azure OpenAI host.</summary>
    public bool IsAzure => string.Equals(Provider, Azure, StringComparison.OrdinalIgnoreCase) || IsAzureHost(Endpoint);

    /// <summary>Azure can authenticate with an identity, so only OpenAI needs a key to count as configured.</summary>
    public bool IsConfigured => !string.Equals(Provider, None, StringComparison.OrdinalIgnoreCase)
        && (!string.IsNullOrWhiteSpace(ApiKey) || IsAzure);

    public bool UsesIdentity => IsAzure && string.IsNullOrWhiteSpace(ApiKey);

    internal static bool IsAzureHost(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && (uri.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase));
}
