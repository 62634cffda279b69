using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Storage.Documents.Sqlite;

/// <summary>Applies <see cref="DocumentPatch"/> operations in memory with Cosmos DB's semantics.</summary>
internal static class JsonPatcher
{
    public static void Apply(JsonObject body, IReadOnlyList<DocumentPatch> operations)
    {
        foreach (var op in operations)
        {
            var segments = op.Path.Split('.');
            var parent = Parent(body, segments, op.Path);
            var leaf = segments[^1];
            switch (op.Kind)
            {
                case PatchKind.Set:
                    parent[leaf] = op.Value?.DeepClone();
                    break;
                case PatchKind.Remove:
                    if (!parent.Remove(leaf))
                    {
                        throw new ArgumentException($"Cannot remove '{op.Path}': it does not exist.");
                    }

                    break;
                case PatchKind.Increment:
                    parent[leaf] = Add(parent[leaf], (JsonValue)op.Value!, op.Path);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(operations), op.Kind, "Unknown patch kind.");
            }
        }
    }

    private static JsonObject Parent(JsonObject body, string[] segments, string path)
    {
        var current = body;
        foreach (var segment in segments[..^1])
        {
            current = current[segment] as JsonObject
                ?? throw new ArgumentException($"Cannot patch '{path}': '{segment}' is not an existing object.");
        }

        return current;
    }

    private static JsonValue Add(JsonNode? current, JsonValue by, string path)
    {
        if (current is null)
        {
            return (JsonValue)by.DeepClone();
        }

        if (current is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            throw new ArgumentException($"Cannot increment '{path}': it is not a number.");
        }

        return JsonNumbers.TryInt64(value, out var a) && JsonNumbers.TryInt64(by, out var b)
            ? JsonValue.Create(a + b)
            : JsonValue.Create(JsonNumbers.ToDouble(value) + JsonNumbers.ToDouble(by));
    }
}
