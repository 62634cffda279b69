namespace Serverless.Storage.Azure.Tables;

/// <summary>
/// Section "Storage:Tables:Azure". Either ServiceUri (the Functions "__tableServiceUri", e.g.
/// https://account.table.core.windows.net), optional Credential "managedidentity" and ClientId, or a
/// ConnectionString (Azurite, key-based accounts).
/// </summary>
public sealed class AzureTableOptions
{
    public const string SectionName = "Storage:Tables:Azure";

    public Uri? ServiceUri { get; set; }

    /// <summary>"managedidentity": ManagedIdentityCredential (user-assigned when ClientId is set); empty: DefaultAzureCredential.</summary>
    public string? Credential { get; set; }

    public string? ClientId { get; set; }

    public string? ConnectionString { get; set; }
}
