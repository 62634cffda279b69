using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Azure.Identity;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using Serverless.Intake.RequestHandler;

namespace Serverless.Intake.Classification;

/// <summary>
/// Asks a chat model (OpenAI or Azure OpenAI, see <see cref="LlmChatClientFactory"/>) for a label from the fixed
/// set, constrained by a strict JSON schema. Anything else (a label outside the set, a malformed answer, a refusal,
/// an HTTP error) is a failure: it never becomes a new label.
/// </summary>
internal sealed class LlmRequestClassifier(LlmChatClientFactory clients, IOptions<ClassificationOptions> options)
{
    // One client for the process: an Entra ID credential caches its token, a client per call would not.
    private readonly Lazy<ChatClient> _client = new(() => clients.Create(options.Value.Llm), LazyThreadSafetyMode.PublicationOnly);

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
        var client = _client.Value;
        var files = text.FileNames.Count == 0 ? "aucun" : string.Join(", ", text.FileNames);
        var user = $"Formulaire : {formType}\nObjet : {text.Objet}\nFichiers joints : {files}\nDescription :\n{text.Description}";
        using var body = ChatCompletionsContract.Request(llm.Model, Instructions, user, "request_classification", Schema, llm.IsAzure);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(llm.Timeout);
        ClientResult result;
        try
        {
            result = await client.CompleteChatAsync(body, new RequestOptions { CancellationToken = timeout.Token });
        }
        catch (ClientResultException ex)
        {
            throw new LlmClassificationException($"The LLM endpoint answered HTTP {ex.Status}.", ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new LlmClassificationException($"No Entra ID token for Azure OpenAI ({LlmClassifierOptions.SectionName}:Credential/ClientId): {ex.Message}", ex);
        }

        var (answer, refusal) = ChatCompletionsContract.Answer(result.GetRawResponse().Content);
        if (!string.IsNullOrEmpty(refusal))
        {
            throw new LlmClassificationException($"The LLM refused to classify: {refusal}");
        }

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

    private static string Short(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
