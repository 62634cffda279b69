using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Engine.Loading;

internal static class JsonKinds
{
    /// <summary>The JSON type of a value, as a sentence fragment ("a string", "an array").</summary>
    public static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "an unknown value",
    };
}
