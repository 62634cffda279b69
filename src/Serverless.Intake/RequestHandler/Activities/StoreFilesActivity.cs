using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Sandbox;
using Serverless.Engine.Definitions;
using Serverless.Intake.Files;
using Serverless.Intake.Intake;
using Serverless.Runtime.Abstractions;
using Serverless.Storage.Blobs;
using Serverless.Storage.Errors;

namespace Serverless.Intake.RequestHandler.Activities;

/// <summary>
/// Step 2: stores the request's files in the blob store under "instances/{instanceId}/": staged uploads are copied
/// from the staging area (then removed from it), files given by URL are downloaded. Safe to run again: a file already
/// stored under the instance is kept. In a dry run nothing is written; the would-be copy is recorded as a sandbox call.
/// </summary>
internal sealed class StoreFilesActivity(
    IBlobStore blobs,
    FileLinks links,
    IHttpClientFactory httpClients,
    FileUrlPolicy urls,
    ISandboxCallLog sandbox,
    IOptions<RequestHandlerOptions> options,
    IOptions<IntakeOptions> intakeOptions,
    TimeProvider clock) : IActivity
{
    public const string HttpClientName = "request-files";

    public string Name => RequestHandlerNames.StoreFiles;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var files = ActivityInput.Array(context, "files");
        var container = options.Value.FilesContainer;
        var stored = new JsonArray();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i] ?? throw new ActivityException(ErrorKinds.Validation, $"File {i} is null.");
            var name = file["name"]?.ToString() ?? $"file{i}";
            var target = $"instances/{context.InstanceId}/{i:D2}-{FileStager.SafeName(name)}";
            if (context.DryRun)
            {
                stored.Add(new JsonObject { ["name"] = name, ["blob"] = target, ["url"] = file["url"]?.DeepClone() });
                continue;
            }

            var size = await StoreAsync(file, container, target, name, cancellationToken);
            stored.Add(new JsonObject
            {
                ["name"] = name,
                ["blob"] = target,
                ["size"] = size,
                ["url"] = await links.LinkAsync(container, target, cancellationToken),
            });
        }

        if (context.DryRun)
        {
            await sandbox.RecordAsync(new SandboxCall("BlobStore", "StoreFiles", context.InstanceId, context.WorkflowId, context.StepKey,
                context.IdempotencyKey, new JsonObject { ["container"] = container, ["files"] = stored.DeepClone() }, null, clock.GetUtcNow()), cancellationToken);
        }

        return new JsonObject { ["files"] = stored, ["count"] = stored.Count };
    }

    private async Task<long> StoreAsync(JsonNode file, string container, string target, string name, CancellationToken cancellationToken)
    {
        var contentType = file["contentType"]?.ToString() ?? "application/octet-stream";
        if (file["blob"] is JsonObject staged)
        {
            var stagedContainer = staged["container"]!.ToString();
            var stagedName = staged["name"]!.ToString();
            try
            {
                await using var download = await blobs.GetAsync(stagedContainer, stagedName, cancellationToken);
                var info = await blobs.PutAsync(container, target, download.Content, new BlobPutOptions { ContentType = contentType }, cancellationToken);
                await download.DisposeAsync();
                await blobs.DeleteAsync(stagedContainer, stagedName, cancellationToken);
                return info.Size;
            }
            catch (ItemNotFoundException)
            {
                // A previous attempt may have copied it and removed the staged copy.
                if (await blobs.ExistsAsync(container, target, cancellationToken))
                {
                    return -1;
                }

                throw new ActivityException(ErrorKinds.Permanent, $"'{name}': the received file is no longer in the staging area ({stagedName}).");
            }
        }

        var url = file["url"]?.ToString() ?? throw new ActivityException(ErrorKinds.Validation, $"'{name}' has neither a staged blob nor a url.");
        return await DownloadAsync(url, container, target, name, contentType, cancellationToken);
    }

    private async Task<long> DownloadAsync(string url, string container, string target, string name, string contentType, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.FileDownloadTimeout);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var current))
        {
            throw new ActivityException(ErrorKinds.Validation, $"'{name}': '{url}' is not an absolute URL.");
        }

        var redirected = false;
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            for (var hop = 0; ; hop++)
            {
                // Checked before every hop: a redirect to a refused address is refused like the first URL would be
                // (and the connection itself is checked again on the resolved addresses, see FileUrlPolicy).
                if (urls.Refusal(current) is { } refusal)
                {
                    throw Refused(name, url, redirected ? current : null, refusal);
                }

                using var response = await client.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (hop >= options.Value.FileUrls.MaxRedirects)
                    {
                        throw new ActivityException(ErrorKinds.Permanent, $"'{name}': downloading {url} was redirected more than {options.Value.FileUrls.MaxRedirects} times (RequestHandler:FileUrls:MaxRedirects).");
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    redirected = true;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    var kind = (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests ? ErrorKinds.Transient : ErrorKinds.Permanent;
                    throw new ActivityException(kind, $"'{name}': downloading {url} answered HTTP {(int)response.StatusCode}.");
                }

                await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                await using var measured = new MeasuringStream(body, intakeOptions.Value.MaxFileBytes);
                var type = response.Content.Headers.ContentType?.MediaType ?? contentType;
                var info = await blobs.PutAsync(container, target, measured, new BlobPutOptions { ContentType = type }, timeout.Token);
                return info.Size;
            }
        }
        catch (FileTooLargeException ex)
        {
            await blobs.DeleteAsync(container, target, CancellationToken.None);
            throw new ActivityException(ErrorKinds.Permanent, $"'{name}': {url} is larger than {ex.Limit} bytes.");
        }
        catch (HttpRequestException ex) when (FileUrlPolicy.FindRefusal(ex) is { } refused)
        {
            throw Refused(name, url, redirected ? current : null, refused.Message);
        }
        catch (HttpRequestException ex)
        {
            throw new ActivityException(ErrorKinds.Transient, $"'{name}': downloading {url} failed: {ex.Message}", inner: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ActivityException(ErrorKinds.Timeout, $"'{name}': downloading {url} took longer than {options.Value.FileDownloadTimeout}.", inner: ex);
        }
    }

    /// <summary>Validation: not retried, the same URL would be refused again. <paramref name="redirectedTo"/> is set
    /// only when a redirect actually happened (comparing URL texts would not tell: "http://host" prints as "http://host/").</summary>
    private static ActivityException Refused(string name, string url, Uri? redirectedTo, string reason) =>
        new(ErrorKinds.Validation, redirectedTo is null
            ? $"'{name}': {url} was refused: {reason}"
            : $"'{name}': {url} redirected to {redirectedTo}, which was refused: {reason}");

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
