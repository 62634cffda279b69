using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Storage.Azure.Blobs;
using Serverless.Storage.Azure.Cosmos;
using Serverless.Storage.DependencyInjection;

namespace Serverless.Storage.Azure;

public static class AzureStorageServiceCollectionExtensions
{
    public const string CosmosProvider = "cosmos";
    public const string AzureBlobProvider = "azure";

    /// <summary>
    /// Registers both stores with every adapter: sqlite or cosmos for documents (Storage:Documents:Provider),
    /// files or azure for blobs (Storage:Blobs:Provider). Settings are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDocumentStore(configuration);
        services.AddBlobStore(configuration);

        services.AddOptions<CosmosDocumentOptions>().Bind(configuration.GetSection(CosmosDocumentOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CosmosDocumentOptions>, CosmosDocumentOptionsValidator>());
        services.AddSingleton(new DocumentStoreProvider(CosmosProvider, sp => ActivatorUtilities.CreateInstance<CosmosDocumentStore>(sp)));

        services.AddOptions<AzureBlobOptions>().Bind(configuration.GetSection(AzureBlobOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureBlobOptions>, AzureBlobOptionsValidator>());
        services.AddSingleton(new BlobStoreProvider(AzureBlobProvider, sp => ActivatorUtilities.CreateInstance<AzureBlobStore>(sp)));
        return services;
    }
}
