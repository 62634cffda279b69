using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Serverless.Runtime.Store;
using Serverless.Storage.Errors;

namespace Serverless.Api.Http;

/// <summary>
/// The typed storage errors as RFC 9457 problems naming the collection and id: not found 404, already exists 409,
/// ETag mismatch 412 when the client sent If-Match/If-None-Match (its precondition failed) and 409 otherwise (the
/// server's own read-modify-write lost a race: RFC 9110 reserves 412 for preconditions the request carried), too
/// large 413 with the size and the limit; a store the disk refuses (read-only, missing or full folder) 503 of type
/// <see cref="UnavailableType"/> naming the store and the reason (a raw SQLite "read-only", "cannot open", I/O or
/// "disk full" error from the documents or tables store is named "sqlite"). Other storage errors are not mapped (500).
/// </summary>
public static class StorageProblems
{
    public const string UnavailableType = "https://serverless.local/problems/storage-unavailable";

    /// <summary>The status code the exception maps to, or null when it is not one of the typed storage errors.</summary>
    public static int? StatusCodeFor(Exception exception, HttpRequest? request = null) => exception switch
    {
        ItemNotFoundException => StatusCodes.Status404NotFound,
        ItemAlreadyExistsException => StatusCodes.Status409Conflict,
        ETagMismatchException => ClientSentPrecondition(request) ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
        PayloadTooLargeException => StatusCodes.Status413PayloadTooLarge,
        StorageUnavailableException or RuntimeStoreUnavailableException => StatusCodes.Status503ServiceUnavailable,
        Microsoft.Data.Sqlite.SqliteException e when RuntimeStoreUnavailableException.IsStorageFailure(e) => StatusCodes.Status503ServiceUnavailable,
        _ => null,
    };

    /// <summary>The problem response for a typed storage error, or null for any other exception.</summary>
    public static IResult? For(Exception exception, HttpRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var instance = request?.Path.HasValue == true ? request.Path.Value : null;
        switch (exception)
        {
            case ItemNotFoundException e:
                return Problem(StatusCodes.Status404NotFound, "Item not found.", e.Message, instance, e.Container, e.Name);
            case ItemAlreadyExistsException e:
                return Problem(StatusCodes.Status409Conflict, "The item already exists.", e.Message, instance, e.Container, e.Name);
            case ETagMismatchException e:
                var precondition = ClientSentPrecondition(request);
                return Problem(
                    precondition ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
                    precondition ? "The If-Match precondition failed." : "The item was modified concurrently.",
                    precondition ? $"{e.Message} Read it again and retry with its current ETag." : $"{e.Message} Retry the request.",
                    instance, e.Collection, e.Id,
                    ("partitionKey", e.PartitionKey), ("expectedETag", e.ExpectedETag));
            case PayloadTooLargeException e:
                return Problem(StatusCodes.Status413PayloadTooLarge, "The item is too large.", e.Message, instance, e.Container, e.Name,
                    ("sizeBytes", e.SizeBytes), ("limitBytes", e.LimitBytes));
            case StorageUnavailableException e:
                return Unavailable(e.Store, e.Location, e.Reason, instance);
            case RuntimeStoreUnavailableException e:
                return Unavailable(RuntimeStoreUnavailableException.Store, e.FilePath, e.Reason, instance);
            case Microsoft.Data.Sqlite.SqliteException e when RuntimeStoreUnavailableException.IsStorageFailure(e):
                // The SQLite document and table stores do not wrap their errors yet: the file is not known here. A
                // pooled connection opened while the disk refused writes stays read-only, so the pools are cleared:
                // the next request opens new connections, and works as soon as the disk is back, without a restart.
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                return Unavailable("sqlite", "Storage:DataFolder", e.Message, instance);
            default:
                return null;
        }
    }

    /// <summary>Nothing of the request was stored: the same request can be sent again once the disk is back.</summary>
    private static IResult Unavailable(string store, string location, string reason, string? instance) =>
        Results.Problem(
            title: "Storage is unavailable.",
            detail: $"The {store} store ({location}) cannot be written: {reason} Nothing of this request was stored; retry once the disk is writable again.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            instance: instance,
            type: UnavailableType,
            extensions: new Dictionary<string, object?> { ["store"] = store, ["reason"] = reason });

    private static bool ClientSentPrecondition(HttpRequest? request) =>
        request is not null && (request.Headers.ContainsKey(HeaderNames.IfMatch) || request.Headers.ContainsKey(HeaderNames.IfNoneMatch));

    private static IResult Problem(int status, string title, string detail, string? instance, string collection, string id, params (string Key, object? Value)[] more)
    {
        var extensions = new Dictionary<string, object?> { ["collection"] = collection, ["id"] = id };
        foreach (var (key, value) in more)
        {
            extensions[key] = value;
        }

        return Results.Problem(title: title, detail: detail, statusCode: status, instance: instance, extensions: extensions);
    }
}
