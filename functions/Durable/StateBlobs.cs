using System.Text;
using Serverless.Storage.Blobs;

namespace Serverless.Functions.Durable;

/// <summary>Instance states too large to travel as orchestration output or ContinueAsNew input, kept in the blob
/// store (Azure Blob in Azure) under "durable-state/{instanceId}/{name}.json" and referenced by name.</summary>
public sealed class StateBlobs(IBlobStore blobs)
{
    public const string Container = "durable-state";

    /// <summary>States up to this many characters travel inline; Durable's messages get expensive past 64 KB.</summary>
    public const int InlineLimit = 32 * 1024;

    public async Task<string> SaveAsync(string instanceId, string name, string json, CancellationToken cancellationToken)
    {
        var path = $"{Escape(instanceId)}/{name}.json";
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(json));
        await blobs.PutAsync(Container, path, content, new BlobPutOptions { ContentType = "application/json" }, cancellationToken);
        return path;
    }

    public async Task<string> LoadAsync(string path, CancellationToken cancellationToken)
    {
        await using var download = await blobs.GetAsync(Container, path, cancellationToken);
        using var reader = new StreamReader(download.Content, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    public async Task DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await foreach (var blob in blobs.ListAsync(Container, $"{Escape(instanceId)}/", cancellationToken))
        {
            await blobs.DeleteAsync(Container, blob.Name, cancellationToken);
        }
    }

    // Instance ids may hold ':', '@' and anything an idempotency key holds; a hash is a name every blob store accepts.
    private static string Escape(string instanceId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(instanceId)))[..32];
}
