using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using Serverless.Storage.Blobs;
using Serverless.Storage.Errors;
using BlobInfo = Serverless.Storage.Blobs.BlobInfo;

namespace Serverless.Storage.Azure.Blobs;

/// <summary>
/// Azure Blob adapter. Containers are created on the first put into them (once per process). Read URLs are service SAS when the
/// client holds the account key (connection string), user-delegation SAS when it signs in with Entra ID.
/// </summary>
public sealed class AzureBlobStore(IOptions<AzureBlobOptions> options, IOptions<BlobStoreOptions> blobs) : IBlobStore
{
    private readonly BlobServiceClient _service = string.IsNullOrWhiteSpace(options.Value.ConnectionString)
        ? new BlobServiceClient(options.Value.ServiceUri, AzureCredentials.Create(options.Value.Credential, options.Value.ClientId))
        : new BlobServiceClient(options.Value.ConnectionString);

    private readonly long _limit = blobs.Value.MaxBlobBytes;
    private readonly ConcurrentDictionary<string, bool> _readyContainers = new(StringComparer.Ordinal);

    public async Task<BlobInfo> PutAsync(string container, string name, Stream content, BlobPutOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BlobPutOptions();
        var blob = Blob(container, name);
        var metadata = BlobRules.Metadata(options.Metadata);
        if (content.CanSeek && content.Length - content.Position > _limit)
        {
            throw new PayloadTooLargeException(container, name, content.Length - content.Position, _limit);
        }

        await EnsureContainerAsync(container, cancellationToken);
        var limited = new LimitedReadStream(content, _limit, container, name);
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = options.ContentType },
            Metadata = metadata,
            Conditions = options.Overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        Response<BlobContentInfo> response;
        try
        {
            response = await blob.UploadAsync(limited, upload, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new ItemAlreadyExistsException(container, name);
        }

        return new BlobInfo(container, name, limited.BytesRead, options.ContentType, metadata, response.Value.LastModified, response.Value.ETag.ToString());
    }

    public async Task<BlobDownload> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = (await Blob(container, name).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            var d = result.Details;
            var info = new BlobInfo(container, name, d.ContentLength, d.ContentType, new Dictionary<string, string>(d.Metadata), d.LastModified, d.ETag.ToString());
            return new BlobDownload(info, result.Content);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            throw new ItemNotFoundException(container, name);
        }
    }

    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default) =>
        (await Blob(container, name).ExistsAsync(cancellationToken)).Value;

    public async IAsyncEnumerable<BlobInfo> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobRules.Container(container);
        var client = _service.GetBlobContainerClient(container);
        if (!(await client.ExistsAsync(cancellationToken)).Value)
        {
            yield break;
        }

        await foreach (var item in client.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken))
        {
            var p = item.Properties;
            yield return new BlobInfo(container, item.Name, p.ContentLength ?? 0, p.ContentType ?? "application/octet-stream",
                new Dictionary<string, string>(item.Metadata), p.LastModified ?? DateTimeOffset.MinValue, p.ETag?.ToString() ?? "");
        }
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await Blob(container, name).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return false;
        }
    }

    public async Task<Uri?> GetReadUrlAsync(string container, string name, TimeSpan validFor, CancellationToken cancellationToken = default)
    {
        var blob = Blob(container, name);
        var expiresOn = DateTimeOffset.UtcNow.Add(validFor);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expiresOn)
        {
            BlobContainerName = container,
            BlobName = name,
            Resource = "b",
            StartsOn = DateTimeOffset.UtcNow.AddMinutes(-5), // tolerate clock skew
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var key = (await _service.GetUserDelegationKeyAsync(sas.StartsOn, expiresOn, cancellationToken)).Value;
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, _service.AccountName) }.ToUri();
    }

    private async Task EnsureContainerAsync(string container, CancellationToken cancellationToken)
    {
        if (_readyContainers.ContainsKey(container))
        {
            return;
        }

        await _service.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _readyContainers[container] = true;
    }

    private BlobClient Blob(string container, string name)
    {
        BlobRules.Container(container);
        BlobRules.Name(name);
        return _service.GetBlobContainerClient(container).GetBlobClient(name);
    }
}
