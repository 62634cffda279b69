namespace Serverless.Storage.Azure.Blobs;

/// <summary>
/// Section "Storage:Blobs:Azure". Either ServiceUri (the Functions "__blobServiceUri"), optional Credential
/// "managedidentity" and ClientId, or a ConnectionString (Azurite, key-based accounts).
/// </summary>
public sealed class AzureBlobOptions
{
    public const string SectionName = "Storage:Blobs:Azure";

    public Uri? ServiceUri { get; set; }

    public string? Credential { get; set; }

    public string? ClientId { get; set; }

    public string? ConnectionString { get; set; }
}
