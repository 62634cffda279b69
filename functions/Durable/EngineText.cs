using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Engine;

namespace Serverless.Functions.Durable;

/// <summary>Engine values as JSON text (EngineJson options), the form they cross Durable boundaries in.</summary>
internal static class EngineText
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, EngineJson.Options);

    public static T? Read<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, EngineJson.Options);

    public static string? Node(JsonNode? node) => node?.ToJsonString(EngineJson.Options);

    public static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
