using System.Text;
using Serverless.Storage.Blobs;

namespace Serverless.Functions.Durable;

/// <summary>Instance states too large to travel as orchestration output or ContinueAsNew input, kept in the blob
/// store (Azure Blob in Azure) under "durable-state/{instanceId}/{name}.json" and referenced by name. The orchestrator
/// moves them in parts (<see cref="Parts"/>), since Durable refuses one activity input or result over 3.9 MB.</summary>
public sealed class StateBlobs(IBlobStore blobs)
{
    public const string Container = "durable-state";

    /// <summary>States up to this many characters travel inline; Durable's messages get expensive past 64 KB.</summary>
    public const int InlineLimit = 32 * 1024;

    /// <summary>Characters per part when a state crosses the orchestrator boundary: at most 3 UTF-8 bytes each, so a
    /// part stays well under the 3.9 MB Durable accepts for one activity input or result.</summary>
    public const int PartChars = 512 * 1024;

    public async Task<string> SaveAsync(string instanceId, string name, string json, CancellationToken cancellationToken)
    {
        var path = PathOf(instanceId, name);
        await PutAsync(path, json, cancellationToken);
        return path;
    }

    /// <summary>Stores one part of a state the orchestrator saves in pieces (<see cref="Parts"/>).</summary>
    public Task SavePartAsync(string instanceId, string name, int index, string text, CancellationToken cancellationToken) =>
        PutAsync($"{PathOf(instanceId, name)}.part{index}", text, cancellationToken);

    /// <summary>Joins the parts saved by <see cref="SavePartAsync"/> into one state blob and removes them.</summary>
    public async Task<string> JoinPartsAsync(string instanceId, string name, int count, CancellationToken cancellationToken)
    {
        var path = PathOf(instanceId, name);
        var json = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            json.Append(await LoadAsync($"{path}.part{i}", cancellationToken));
        }

        await PutAsync(path, json.ToString(), cancellationToken);
        for (var i = 0; i < count; i++)
        {
            await blobs.DeleteAsync(Container, $"{path}.part{i}", cancellationToken);
        }

        return path;
    }

    public async Task<string> LoadAsync(string path, CancellationToken cancellationToken)
    {
        await using var download = await blobs.GetAsync(Container, path, cancellationToken);
        using var reader = new StreamReader(download.Content, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Part <paramref name="index"/> of the state at <paramref name="path"/> (see <see cref="Parts"/>).</summary>
    public async Task<StatePart> LoadPartAsync(string path, int index, CancellationToken cancellationToken)
    {
        var parts = Parts(await LoadAsync(path, cancellationToken));
        return new StatePart(parts[index], index + 1 < parts.Count);
    }

    /// <summary>The text cut into pieces of at most <see cref="PartChars"/>, never between the two halves of a
    /// surrogate pair, so that each piece is valid text on its own.</summary>
    public static IReadOnlyList<string> Parts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        for (var start = 0; start < text.Length || parts.Count == 0;)
        {
            var length = Math.Min(PartChars, text.Length - start);
            if (length > 0 && start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            parts.Add(text.Substring(start, length));
            start += length;
        }

        return parts;
    }

    public async Task DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await foreach (var blob in blobs.ListAsync(Container, $"{Escape(instanceId)}/", cancellationToken))
        {
            await blobs.DeleteAsync(Container, blob.Name, cancellationToken);
        }
    }

    private async Task PutAsync(string path, string text, CancellationToken cancellationToken)
    {
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await blobs.PutAsync(Container, path, content, new BlobPutOptions { ContentType = "application/json" }, cancellationToken);
    }

    private static string PathOf(string instanceId, string name) => $"{Escape(instanceId)}/{name}.json";

    // Instance ids may hold ':', '@' and anything an idempotency key holds; a hash is a name every blob store accepts.
    private static string Escape(string instanceId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(instanceId)))[..32];
}

/// <summary>One part of a stored state, and whether another follows.</summary>
public sealed record StatePart(string Text, bool More);
