using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.ClickUp;

/// <summary>ClickUp API v2 request bodies and task reading; shared by the real client and the sandbox record.</summary>
internal static class ClickUpPayloads
{
    /// <summary>Start of the visible last line of a subtask description that carries the idempotency key. A plain
    /// text line (not an HTML comment) because ClickUp turns markdown into its own rich text and gives the text back
    /// as plain "description" / "text_content": a visible line is in every form it returns, a comment may not be.</summary>
    public const string MarkerPrefix = "Ref: ";

    public static JsonObject Subtask(string parentTaskId, string name, string description, string? idempotencyKey = null) => new()
    {
        ["name"] = name,
        ["markdown_description"] = WithMarker(description, idempotencyKey),
        ["parent"] = parentTaskId,
    };

    /// <summary>The description with "Ref: `key`" as its last line (inline code, so markdown leaves the key as is);
    /// unchanged without a key.</summary>
    public static string WithMarker(string description, string? idempotencyKey) =>
        string.IsNullOrWhiteSpace(idempotencyKey) ? description : $"{description.TrimEnd()}\n\n{MarkerPrefix}`{idempotencyKey}`";

    /// <summary>True when a line of the task's description (plain, text_content or markdown) is exactly the marker
    /// of this key, backticks aside: "Ref: k" and "Ref: `k`" match, "Ref: k2" does not.</summary>
    public static bool CarriesMarker(JsonNode task, string idempotencyKey)
    {
        var expected = MarkerPrefix + idempotencyKey.Replace("`", "", StringComparison.Ordinal);
        foreach (var field in new[] { "description", "text_content", "markdown_description" })
        {
            if (Text(task[field]) is not { Length: > 0 } text)
            {
                continue;
            }

            foreach (var line in text.Split('\n'))
            {
                if (string.Equals(line.Replace("`", "", StringComparison.Ordinal).Trim(), expected, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the task object has any description field at all (else its description must be read).</summary>
    public static bool HasDescription(JsonNode task) =>
        task["description"] is not null || task["text_content"] is not null || task["markdown_description"] is not null;

    public static ClickUpTask ReadTask(JsonNode node) => new(
        Text(node["id"]) ?? throw new ActivityException(ErrorKinds.Permanent, "ClickUp answered without a task id."),
        Text(node["name"]) ?? "",
        Text(node["list"]?["id"]) ?? "",
        Text(node["url"]) ?? "",
        Text(node["parent"]));

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToString();
}
