using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Serverless.Storage;
using Serverless.Storage.Blobs;
using Serverless.Storage.DependencyInjection;

namespace Serverless.Host.Storage;

/// <summary>Unhealthy, naming the folder and the reason, when the embedded stores' folders refuse a write: the blob
/// root (files provider) and Storage:DataFolder (the SQLite documents and tables). A folder that reads fine but
/// cannot be written would otherwise pass until the first upload answers 503.</summary>
internal sealed class StorageHealthCheck(IOptions<BlobStoreOptions> blobs, IOptions<StorageOptions> storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folders = new List<(string Store, string Folder)> { ("documents and tables", storage.Value.DataFolder) };
        if (string.Equals(blobs.Value.Provider ?? StorageServiceCollectionExtensions.FilesProvider, StorageServiceCollectionExtensions.FilesProvider, StringComparison.OrdinalIgnoreCase))
        {
            folders.Add(("blobs", blobs.Value.Files.Root ?? Path.Combine(storage.Value.DataFolder, "blobs")));
        }

        foreach (var (store, folder) in folders)
        {
            var full = Path.GetFullPath(folder);
            if (Probe(full) is { } reason)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy($"Storage unavailable: the {store} folder {full} cannot be written: {reason}"));
            }
        }

        return Task.FromResult(HealthCheckResult.Healthy("Storage folders take writes."));
    }

    private static string? Probe(string folder)
    {
        var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
