using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using Serverless.Intake.RequestHandler;

namespace Serverless.Intake.Classification;

/// <summary>
/// Asks a chat model (OpenAI, or Azure OpenAI's v1 endpoint, which speaks the same API) for a label from the fixed
/// set, constrained by a strict JSON schema. Anything else (a label outside the set, a malformed answer, a refusal,
/// an HTTP error) is a failure: it never becomes a new label.
/// </summary>
internal sealed class LlmRequestClassifier(IHttpClientFactory httpClients, IOptions<ClassificationOptions> options)
{
    public const string HttpClientName = "request-classifier-llm";

    private static readonly BinaryData Schema = BinaryData.FromString("""
        {
          "type": "object",
          "properties": {
            "label": { "type": "string", "enum": ["SUPPORT", "MODELISATION"] },
            "confidence": { "type": "number", "description": "Probability (0 to 1) that the label is right." }
          },
          "required": ["label", "confidence"],
          "additionalProperties": false
        }
        """);

    private const string Instructions = """
        Tu classes les demandes reçues par les formulaires de la plateforme Figurative.
        SUPPORT : problème d'accès ou de connexion, bug, facturation, compte, question d'utilisation, performance,
        suivi d'une commande déjà passée.
        MODELISATION : demande de réalisation d'une modélisation ou maquette 2D, 3D ou BIM à partir de plans, relevés,
        nuages de points ou scans (maison, immeuble, intérieur, structure, réseaux).
        Le formulaire choisi par l'utilisateur peut être faux : juge d'après le contenu.
        Réponds uniquement avec le JSON demandé : le label et ta confiance entre 0 et 1.
        """;

    public bool IsConfigured => options.Value.Llm.IsConfigured;

    public async Task<LabelGuess> ClassifyAsync(RequestText text, string formType, CancellationToken cancellationToken)
    {
        var llm = options.Value.Llm;
        var client = CreateClient(llm);
        var chatOptions = new ChatCompletionOptions
        {
            Temperature = 0,
            MaxOutputTokenCount = 50,
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("request_classification", Schema, jsonSchemaIsStrict: true),
        };
        var files = text.FileNames.Count == 0 ? "aucun" : string.Join(", ", text.FileNames);
        ChatMessage[] messages =
        [
            new SystemChatMessage(Instructions),
            new UserChatMessage($"Formulaire : {formType}\nObjet : {text.Objet}\nFichiers joints : {files}\nDescription :\n{text.Description}"),
        ];

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(llm.Timeout);
        ChatCompletion completion;
        try
        {
            completion = (await client.CompleteChatAsync(messages, chatOptions, timeout.Token)).Value;
        }
        catch (ClientResultException ex)
        {
            throw new LlmClassificationException($"The LLM endpoint answered HTTP {ex.Status}.", ex);
        }

        if (!string.IsNullOrEmpty(completion.Refusal))
        {
            throw new LlmClassificationException($"The LLM refused to classify: {completion.Refusal}");
        }

        var answer = completion.Content.Count > 0 ? completion.Content[0].Text : null;
        return Parse(answer);
    }

    internal static LabelGuess Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw new LlmClassificationException("The LLM gave an empty answer.");
        }

        try
        {
            using var doc = JsonDocument.Parse(answer);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("label", out var label) || label.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("confidence", out var confidence) || !confidence.TryGetDouble(out var value))
            {
                throw new LlmClassificationException($"The LLM answer does not follow the schema: {Short(answer)}");
            }

            var name = label.GetString()!;
            if (!RequestTypes.All.Contains(name, StringComparer.Ordinal))
            {
                throw new LlmClassificationException($"The LLM answered the label '{Short(name)}', which is not SUPPORT or MODELISATION.");
            }

            if (double.IsNaN(value) || value < 0 || value > 1)
            {
                throw new LlmClassificationException($"The LLM gave a confidence of {value}, outside 0..1.");
            }

            return new LabelGuess(name, value);
        }
        catch (JsonException)
        {
            throw new LlmClassificationException($"The LLM answer is not JSON: {Short(answer)}");
        }
    }

    private ChatClient CreateClient(LlmClassifierOptions llm)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(httpClients.CreateClient(HttpClientName)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 1),
            NetworkTimeout = llm.Timeout,
        };
        if (!string.IsNullOrWhiteSpace(llm.Endpoint))
        {
            clientOptions.Endpoint = new Uri(llm.Endpoint);
        }
        else if (string.Equals(llm.Provider, LlmClassifierOptions.Azure, StringComparison.OrdinalIgnoreCase))
        {
            throw new LlmClassificationException("RequestHandler:Classification:Llm:Endpoint is required for Azure OpenAI (https://RESOURCE.openai.azure.com/openai/v1/).");
        }

        return new ChatClient(llm.Model, new ApiKeyCredential(llm.ApiKey!), clientOptions);
    }

    private static string Short(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
