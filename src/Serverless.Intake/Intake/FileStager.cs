using Microsoft.Extensions.Options;
using Serverless.Intake.RequestHandler;
using Serverless.Storage.Blobs;

namespace Serverless.Intake.Intake;

/// <summary>Writes received files to the blob store under "staging/{uploadId}/" before the request is
/// accepted, so nothing the 202 promised lives only in memory; the workflow moves them under its instance.</summary>
internal sealed class FileStager(IBlobStore blobs, IOptions<RequestHandlerOptions> options)
{
    public const string StagingPrefix = "staging/";

    public string Container => options.Value.FilesContainer;

    /// <summary>Null when the content exceeds <paramref name="limit"/> (nothing is left behind).</summary>
    public async Task<StagedBlob?> StageAsync(string uploadId, int index, string fileName, string contentType, Stream content, long limit, CancellationToken cancellationToken)
    {
        var blob = $"{StagingPrefix}{uploadId}/{index:D2}-{SafeName(fileName)}";
        await using var measuring = new MeasuringStream(content, limit);
        try
        {
            await blobs.PutAsync(Container, blob, measuring, new BlobPutOptions { ContentType = contentType }, cancellationToken);
        }
        catch (FileTooLargeException)
        {
            await DeleteQuietlyAsync(Container, blob);
            return null;
        }

        return new StagedBlob(Container, blob, measuring.Count, measuring.Sha256Hex());
    }

    public async Task DiscardAsync(IEnumerable<IntakeFile> files)
    {
        foreach (var staged in files.Select(f => f.Staged).OfType<StagedBlob>())
        {
            await DeleteQuietlyAsync(staged.Container, staged.Blob);
        }
    }

    /// <summary>Removes whatever a refused or broken request managed to stage.</summary>
    public async Task DiscardStagingAsync(string uploadId)
    {
        var names = new List<string>();
        await foreach (var blob in blobs.ListAsync(Container, $"{StagingPrefix}{uploadId}/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        foreach (var name in names)
        {
            await DeleteQuietlyAsync(Container, name);
        }
    }

    /// <summary>Cleaning up must never turn a refusal into a 500: the file-system store throws when the blob's
    /// folder was never created (nothing was written), which here only means there is nothing to delete.</summary>
    private async Task DeleteQuietlyAsync(string container, string blob)
    {
        try
        {
            await blobs.DeleteAsync(container, blob, CancellationToken.None);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A blob-safe version of a user's file name: letters, digits, '.', '-', '_' only.</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray();
        var safe = new string(chars).Trim('.');
        if (safe.Length > 120)
        {
            safe = safe[^120..];
        }

        return safe.Length == 0 ? "file" : safe;
    }
}
