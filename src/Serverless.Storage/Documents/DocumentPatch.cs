using System.Text.Json.Nodes;

namespace Serverless.Storage.Documents;

public enum PatchKind
{
    Set,
    Remove,
    Increment,
}

/// <summary>
/// One field-level change. <see cref="Path"/> is a dotted field path ("status", "approval.decision"); the parent
/// object must exist. These three operations map one-to-one onto Cosmos DB partial document update.
/// </summary>
public sealed record DocumentPatch(PatchKind Kind, string Path, JsonNode? Value)
{
    public static DocumentPatch Set(string path, JsonNode? value) => new(PatchKind.Set, path, value);

    public static DocumentPatch Remove(string path) => new(PatchKind.Remove, path, null);

    public static DocumentPatch Increment(string path, long by) => new(PatchKind.Increment, path, JsonValue.Create(by));

    public static DocumentPatch Increment(string path, double by) => new(PatchKind.Increment, path, JsonValue.Create(by));
}
