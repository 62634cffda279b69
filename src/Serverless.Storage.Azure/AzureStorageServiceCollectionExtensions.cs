using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Storage.Azure.Blobs;
using Serverless.Storage.Azure.Cosmos;
using Serverless.Storage.Azure.Tables;
using Serverless.Storage.DependencyInjection;

namespace Serverless.Storage.Azure;

public static class AzureStorageServiceCollectionExtensions
{
    public const string CosmosProvider = "cosmos";
    public const string AzureBlobProvider = "azure";
    public const string AzureTableProvider = "azure";

    /// <summary>
    /// Registers the three stores with every adapter: sqlite or cosmos for documents (Storage:Documents:Provider),
    /// files or azure for blobs (Storage:Blobs:Provider), sqlite or azure for tables (Storage:Tables:Provider, with
    /// the dedup keys on top). Settings are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDocumentStore(configuration);
        services.AddBlobStore(configuration);
        services.AddTableStore(configuration);

        services.AddOptions<CosmosDocumentOptions>().Bind(configuration.GetSection(CosmosDocumentOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CosmosDocumentOptions>, CosmosDocumentOptionsValidator>());
        services.AddSingleton(new DocumentStoreProvider(CosmosProvider, sp => ActivatorUtilities.CreateInstance<CosmosDocumentStore>(sp)));

        services.AddOptions<AzureBlobOptions>().Bind(configuration.GetSection(AzureBlobOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureBlobOptions>, AzureBlobOptionsValidator>());
        services.AddSingleton(new BlobStoreProvider(AzureBlobProvider, sp => ActivatorUtilities.CreateInstance<AzureBlobStore>(sp)));

        services.AddOptions<AzureTableOptions>().Bind(configuration.GetSection(AzureTableOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureTableOptions>, AzureTableOptionsValidator>());
        services.AddSingleton(new TableStoreProvider(AzureTableProvider, sp => ActivatorUtilities.CreateInstance<AzureTableStore>(sp)));
        return services;
    }
}
