using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using OpenAI;
using OpenAI.Chat;

namespace Serverless.Connectors.Llm;

/// <summary>The chat client for the configured LLM: Azure OpenAI's client (deployment path, api-key header or Entra
/// ID token) for an Azure endpoint, the plain OpenAI client otherwise. Both go through the named HttpClient, so
/// tests and the host share one transport.</summary>
public sealed class LlmChatClientFactory(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "classifier-llm";

    /// <param name="identity">Replaces the credential chosen from the settings (tests); used only without ApiKey.</param>
    public ChatClient Create(LlmClassifierOptions llm, TokenCredential? identity = null)
    {
        ArgumentNullException.ThrowIfNull(llm);
        return llm.IsAzure ? CreateAzure(llm, identity) : CreateOpenAI(llm);
    }

    /// <summary>As Azure Functions identity-based connections read "__credential": a managed identity when asked for
    /// (or when a client id names one), else DefaultAzureCredential (developer sign-in locally, managed identity in Azure).</summary>
    public static TokenCredential Credential(LlmClassifierOptions llm) =>
        string.Equals(llm.Credential, LlmClassifierOptions.ManagedIdentity, StringComparison.OrdinalIgnoreCase) || !string.IsNullOrWhiteSpace(llm.ClientId)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(llm.ClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(llm.ClientId))
            : new DefaultAzureCredential();

    /// <summary>AzureOpenAIClient appends /openai/deployments/... itself, so the documented v1 form of the endpoint
    /// is cut back to the resource (any path prefix before it, such as an API gateway's, stays).</summary>
    public static Uri AzureResource(string endpoint)
    {
        var uri = new Uri(endpoint);
        var path = uri.AbsolutePath.TrimEnd('/');
        foreach (var suffix in (string[])["/openai/v1", "/openai"])
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                path = path[..^suffix.Length];
                break;
            }
        }

        return new UriBuilder(uri) { Path = path + "/", Query = "" }.Uri;
    }

    private ChatClient CreateAzure(LlmClassifierOptions llm, TokenCredential? identity)
    {
        if (string.IsNullOrWhiteSpace(llm.Endpoint))
        {
            throw new LlmClassificationException("The LLM Endpoint is required for Azure OpenAI (https://RESOURCE.openai.azure.com/).");
        }

        var options = new AzureOpenAIClientOptions();
        Configure(options, llm);
        var endpoint = AzureResource(llm.Endpoint);
        var client = llm.UsesIdentity
            ? new AzureOpenAIClient(endpoint, identity ?? Credential(llm), options)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(llm.ApiKey!), options);
        return client.GetChatClient(llm.Model);
    }

    private ChatClient CreateOpenAI(LlmClassifierOptions llm)
    {
        var options = new OpenAIClientOptions();
        Configure(options, llm);
        if (!string.IsNullOrWhiteSpace(llm.Endpoint))
        {
            options.Endpoint = new Uri(llm.Endpoint);
        }

        return new ChatClient(llm.Model, new ApiKeyCredential(llm.ApiKey!), options);
    }

    private void Configure(ClientPipelineOptions options, LlmClassifierOptions llm)
    {
        options.Transport = new HttpClientPipelineTransport(httpClients.CreateClient(HttpClientName));
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 1);
        options.NetworkTimeout = llm.Timeout;
    }
}
