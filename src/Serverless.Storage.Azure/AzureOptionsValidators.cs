using Microsoft.Extensions.Options;
using Serverless.Storage.Azure.Blobs;
using Serverless.Storage.Azure.Cosmos;
using Serverless.Storage.Azure.Tables;
using Serverless.Storage.Blobs;
using Serverless.Storage.Documents;
using Serverless.Storage.Tables;

namespace Serverless.Storage.Azure;

/// <summary>Checks the Cosmos settings only when Storage:Documents:Provider chooses cosmos.</summary>
internal sealed class CosmosDocumentOptionsValidator(IOptions<DocumentStoreOptions> documents) : IValidateOptions<CosmosDocumentOptions>
{
    private const string Section = CosmosDocumentOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, CosmosDocumentOptions options)
    {
        if (!string.Equals(documents.Value.Provider, AzureStorageServiceCollectionExtensions.CosmosProvider, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = new List<string>();
        var hasEndpoint = !string.IsNullOrWhiteSpace(options.AccountEndpoint);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasEndpoint == hasConnectionString)
        {
            problems.Add($"Set exactly one of {Section}:AccountEndpoint (managed identity) or {Section}:ConnectionString when {DocumentStoreOptions.SectionName}:Provider is 'cosmos'.");
        }
        else if (hasEndpoint && !Uri.TryCreate(options.AccountEndpoint, UriKind.Absolute, out _))
        {
            problems.Add($"{Section}:AccountEndpoint '{options.AccountEndpoint}' is not an absolute URL.");
        }

        if (string.IsNullOrWhiteSpace(options.Database))
        {
            problems.Add($"{Section}:Database must not be empty.");
        }

        if (options.AcceptAnyServerCertificate && !CosmosClientFactory.IsLoopback(options.AccountEndpoint ?? options.ConnectionString))
        {
            problems.Add($"{Section}:AcceptAnyServerCertificate is only allowed for a loopback endpoint (local emulator).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Checks the Azure Blob settings only when Storage:Blobs:Provider chooses azure.</summary>
internal sealed class AzureBlobOptionsValidator(IOptions<BlobStoreOptions> blobs) : IValidateOptions<AzureBlobOptions>
{
    private const string Section = AzureBlobOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AzureBlobOptions options)
    {
        if (!string.Equals(blobs.Value.Provider, AzureStorageServiceCollectionExtensions.AzureBlobProvider, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Skip;
        }

        var hasUri = options.ServiceUri is not null;
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        return hasUri == hasConnectionString
            ? ValidateOptionsResult.Fail(
                $"Set exactly one of {Section}:ServiceUri (managed identity) or {Section}:ConnectionString when {BlobStoreOptions.SectionName}:Provider is 'azure'.")
            : ValidateOptionsResult.Success;
    }
}

/// <summary>Checks the Azure Table settings only when Storage:Tables:Provider chooses azure.</summary>
internal sealed class AzureTableOptionsValidator(IOptions<TableStoreOptions> tables) : IValidateOptions<AzureTableOptions>
{
    private const string Section = AzureTableOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AzureTableOptions options)
    {
        if (!string.Equals(tables.Value.Provider, AzureStorageServiceCollectionExtensions.AzureTableProvider, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = new List<string>();
        var hasUri = options.ServiceUri is not null;
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasUri == hasConnectionString)
        {
            problems.Add($"Set exactly one of {Section}:ServiceUri (managed identity) or {Section}:ConnectionString when {TableStoreOptions.SectionName}:Provider is 'azure'.");
        }
        else if (hasUri && (!options.ServiceUri!.IsAbsoluteUri || options.ServiceUri.Scheme is not ("https" or "http")))
        {
            problems.Add($"{Section}:ServiceUri '{options.ServiceUri}' is not an absolute http(s) URL (https://<account>.table.core.windows.net).");
        }

        // A typo here would silently fall back to DefaultAzureCredential; only the Functions value is accepted.
        if (!string.IsNullOrWhiteSpace(options.Credential) && !string.Equals(options.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{Section}:Credential = '{options.Credential}' is not supported: use 'managedidentity' or leave it empty (DefaultAzureCredential).");
        }

        if (hasConnectionString && (!string.IsNullOrWhiteSpace(options.Credential) || !string.IsNullOrWhiteSpace(options.ClientId)))
        {
            problems.Add($"{Section}:Credential and {Section}:ClientId apply to {Section}:ServiceUri only, not to {Section}:ConnectionString.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
