using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.ClickUp;

/// <summary>ClickUp API v2 request bodies and task reading; shared by the real client and the sandbox record.</summary>
internal static class ClickUpPayloads
{
    public static JsonObject Subtask(string parentTaskId, string name, string description) => new()
    {
        ["name"] = name,
        ["markdown_description"] = description,
        ["parent"] = parentTaskId,
    };

    public static ClickUpTask ReadTask(JsonNode node) => new(
        Text(node["id"]) ?? throw new ActivityException(ErrorKinds.Permanent, "ClickUp answered without a task id."),
        Text(node["name"]) ?? "",
        Text(node["list"]?["id"]) ?? "",
        Text(node["url"]) ?? "",
        Text(node["parent"]));

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToString();
}
