using Microsoft.AspNetCore.Http;
using Serverless.Storage.Blobs;
using Serverless.Storage.Errors;

namespace Serverless.Intake.Files;

/// <summary>GET /api/intake/files/{container}/{blob}?expires=&amp;sig=: serves a stored file to whoever holds a valid
/// link, typed by its extension (<see cref="StoredFileResult"/>), not by what the uploader claimed.</summary>
internal sealed class FileDownloadHandler(IBlobStore blobs, FileLinks links)
{
    public async Task<IResult> GetAsync(string path, string? expires, string? sig, CancellationToken cancellationToken)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !links.Verify(path[..slash], path[(slash + 1)..], expires, sig))
        {
            return Results.Problem(title: "The link is invalid or has expired.", statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            var download = await blobs.GetAsync(path[..slash], path[(slash + 1)..], cancellationToken);
            var fileName = path[(path.LastIndexOf('/') + 1)..];
            return new StoredFileResult(download.Content, fileName);
        }
        catch (ItemNotFoundException)
        {
            return Results.Problem(title: "The file no longer exists.", statusCode: StatusCodes.Status404NotFound);
        }
    }
}
