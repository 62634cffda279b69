using System.ClientModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Connectors.Llm;

/// <summary>
/// The chat-completions request and answer as JSON, sent through the client's protocol method. Azure.AI.OpenAI 2.1.0
/// (the newest on the mirror) fails with MissingMethodException in its typed CompleteChat against OpenAI 2.15, while
/// its protocol method (deployment URL, api-version, auth) works; one body for both clients keeps them alike.
/// </summary>
internal static class ChatCompletionsContract
{
    public static BinaryContent Request(string model, string instructions, string user, string schemaName, JsonNode schema, bool azure, int maxTokens)
    {
        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = instructions },
                new JsonObject { ["role"] = "user", ["content"] = user }),
            ["temperature"] = 0,

            // Azure's GA api-version of this SDK takes max_tokens, as the SDK itself would send it; OpenAI's current name otherwise.
            [azure ? "max_tokens" : "max_completion_tokens"] = maxTokens,
            ["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject { ["name"] = schemaName, ["schema"] = schema, ["strict"] = true },
            },
        };
        return BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
    }

    /// <summary>The first choice's content and refusal; a body that is not a chat.completion is a failure.</summary>
    public static (string? Content, string? Refusal) Answer(BinaryData response)
    {
        try
        {
            var message = JsonNode.Parse(response.ToString())?["choices"]?[0]?["message"]
                ?? throw new LlmClassificationException("The LLM endpoint's answer has no choices[0].message.");
            return (Text(message["content"]), Text(message["refusal"]));
        }
        catch (JsonException)
        {
            throw new LlmClassificationException("The LLM endpoint's answer is not JSON.");
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
