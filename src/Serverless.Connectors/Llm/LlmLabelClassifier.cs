using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Identity;
using OpenAI.Chat;

namespace Serverless.Connectors.Llm;

/// <summary>
/// Asks a chat model (OpenAI or Azure OpenAI, see <see cref="LlmChatClientFactory"/>) for one label in each of fixed
/// label sets, constrained by a strict JSON schema whose enums are the sets. Anything else (a label outside its
/// set, a malformed answer, a refusal, an HTTP error, a timeout) is an <see cref="LlmClassificationException"/>: it
/// never becomes a new label. One set answers <c>{"NAME": ..., "confidence": ...}</c>; several answer
/// <c>{"NAME": ..., "NAME_confidence": ...}</c> per set.
/// </summary>
public sealed class LlmLabelClassifier(LlmChatClientFactory clients)
{
    // One client per settings section: an Entra ID credential caches its token, a client per call would not.
    private readonly ConcurrentDictionary<string, Lazy<ChatClient>> _clients = new(StringComparer.Ordinal);

    /// <param name="section">The settings section of <paramref name="llm"/>, which also keys its client.</param>
    public async Task<IReadOnlyDictionary<string, LlmLabel>> ChooseAsync(
        LlmClassifierOptions llm, string section, string instructions, string user, IReadOnlyList<LlmLabelSet> sets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(llm);
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Count == 0)
        {
            throw new ArgumentException("At least one label set.", nameof(sets));
        }

        var client = _clients.GetOrAdd(section, _ => new Lazy<ChatClient>(() => clients.Create(llm), LazyThreadSafetyMode.PublicationOnly)).Value;
        using var body = ChatCompletionsContract.Request(llm.Model, instructions, user, SchemaName(section), Schema(sets), llm.IsAzure, 20 + (30 * sets.Count));
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
            throw new LlmClassificationException($"No Entra ID token for Azure OpenAI ({section}:Credential/ClientId): {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LlmClassificationException($"The LLM endpoint did not answer within {section}:Timeout ({llm.Timeout}).", ex);
        }

        var (answer, refusal) = ChatCompletionsContract.Answer(result.GetRawResponse().Content);
        if (!string.IsNullOrEmpty(refusal))
        {
            throw new LlmClassificationException($"The LLM refused to classify: {refusal}");
        }

        return Parse(answer, sets);
    }

    public static JsonObject Schema(IReadOnlyList<LlmLabelSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var set in sets)
        {
            properties[set.Name] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. set.Labels.Select(l => (JsonNode)JsonValue.Create(l))]) };
            var confidence = ConfidenceName(set, sets);
            properties[confidence] = new JsonObject { ["type"] = "number", ["description"] = $"Probability (0 to 1) that {set.Name} is right." };
            required.Add(set.Name);
            required.Add(confidence);
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required, ["additionalProperties"] = false };
    }

    public static IReadOnlyDictionary<string, LlmLabel> Parse(string? answer, IReadOnlyList<LlmLabelSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw new LlmClassificationException("The LLM gave an empty answer.");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(answer);
        }
        catch (JsonException)
        {
            throw new LlmClassificationException($"The LLM answer is not JSON: {Short(answer)}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new LlmClassificationException($"The LLM answer does not follow the schema: {Short(answer)}");
            }

            var labels = new Dictionary<string, LlmLabel>(StringComparer.Ordinal);
            foreach (var set in sets)
            {
                labels[set.Name] = Read(root, set, ConfidenceName(set, sets), answer);
            }

            return labels;
        }
    }

    private static LlmLabel Read(JsonElement root, LlmLabelSet set, string confidenceName, string answer)
    {
        if (!root.TryGetProperty(set.Name, out var label) || label.ValueKind != JsonValueKind.String
            || !root.TryGetProperty(confidenceName, out var confidence) || !confidence.TryGetDouble(out var value))
        {
            throw new LlmClassificationException($"The LLM answer does not follow the schema: {Short(answer)}");
        }

        var name = label.GetString()!;
        if (!set.Labels.Contains(name, StringComparer.Ordinal))
        {
            throw new LlmClassificationException($"The LLM answered the {set.Name} '{Short(name)}', which is not one of {string.Join(", ", set.Labels)}.");
        }

        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new LlmClassificationException(string.Create(CultureInfo.InvariantCulture, $"The LLM gave a {set.Name} confidence of {value}, outside 0..1."));
        }

        return new LlmLabel(name, value);
    }

    private static string ConfidenceName(LlmLabelSet set, IReadOnlyList<LlmLabelSet> sets) =>
        sets.Count == 1 ? "confidence" : set.Name + "_confidence";

    // The schema name OpenAI accepts: letters, digits, underscores and dashes.
    private static string SchemaName(string section) =>
        new string([.. section.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_')]) + "_labels";

    private static string Short(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
