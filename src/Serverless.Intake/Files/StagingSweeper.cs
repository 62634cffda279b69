using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Intake.Intake;
using Serverless.Intake.RequestHandler;
using Serverless.Storage.Blobs;

namespace Serverless.Intake.Files;

/// <summary>
/// Deletes staged uploads older than RequestHandler:StagingRetention. A staged file normally leaves the staging area
/// within seconds (request-storeFiles moves it under its instance); what stays is from requests the workflow did not
/// store files for (support requests, the seed stores only modelling files) or from a crash between staging and the
/// start. Retention is long (7 days by default) so a backlog or a failed instance awaiting replay keeps its files.
/// </summary>
public sealed partial class StagingSweeper(
    IBlobStore blobs,
    IOptions<RequestHandlerOptions> options,
    TimeProvider clock,
    ILogger<StagingSweeper> logger)
{
    /// <summary>Deletes the staged uploads past retention; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var container = options.Value.FilesContainer;
        var cutoff = clock.GetUtcNow() - options.Value.StagingRetention;
        var old = new List<string>();
        await foreach (var blob in blobs.ListAsync(container, FileStager.StagingPrefix, cancellationToken))
        {
            if (blob.LastModified < cutoff)
            {
                old.Add(blob.Name);
            }
        }

        foreach (var name in old)
        {
            await blobs.DeleteAsync(container, name, cancellationToken);
        }

        if (old.Count > 0)
        {
            Swept(logger, old.Count);
        }

        return old.Count;
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Deleted {Count} staged uploads older than the staging retention.")]
    private static partial void Swept(ILogger logger, int count);
}
