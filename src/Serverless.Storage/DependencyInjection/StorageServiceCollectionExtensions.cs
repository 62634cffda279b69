using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Storage.Blobs;
using Serverless.Storage.Blobs.FileSystem;
using Serverless.Storage.Dedup;
using Serverless.Storage.Documents;
using Serverless.Storage.Documents.Sqlite;
using Serverless.Storage.Tables;
using Serverless.Storage.Tables.Sqlite;

namespace Serverless.Storage.DependencyInjection;

public static class StorageServiceCollectionExtensions
{
    public const string SqliteProvider = "sqlite";
    public const string FilesProvider = "files";

    /// <summary>
    /// Registers <see cref="IDocumentStore"/>, served by the adapter "Storage:Documents:Provider" names (embedded: sqlite).
    /// Settings are validated when the host starts; a missing or unknown provider fails start-up naming the setting.
    /// </summary>
    public static IServiceCollection AddDocumentStore(this IServiceCollection services, IConfiguration configuration)
    {
        AddShared(services, configuration);
        services.AddOptions<DocumentStoreOptions>().Bind(configuration.GetSection(DocumentStoreOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentStoreOptions>, DocumentStoreOptionsValidator>());
        services.AddSingleton(new DocumentStoreProvider(SqliteProvider, sp => ActivatorUtilities.CreateInstance<SqliteDocumentStore>(sp)));
        services.TryAddSingleton(sp =>
        {
            var chosen = sp.GetRequiredService<IOptions<DocumentStoreOptions>>().Value.Provider;
            return sp.GetServices<DocumentStoreProvider>().Last(p => string.Equals(p.Name, chosen, StringComparison.OrdinalIgnoreCase)).Create(sp);
        });
        return services;
    }

    /// <summary>
    /// Registers <see cref="IBlobStore"/>, served by the adapter "Storage:Blobs:Provider" names (embedded: files).
    /// </summary>
    public static IServiceCollection AddBlobStore(this IServiceCollection services, IConfiguration configuration)
    {
        AddShared(services, configuration);
        services.AddOptions<BlobStoreOptions>().Bind(configuration.GetSection(BlobStoreOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlobStoreOptions>, BlobStoreOptionsValidator>());
        services.AddSingleton(new BlobStoreProvider(FilesProvider, sp => ActivatorUtilities.CreateInstance<FileSystemBlobStore>(sp)));
        services.TryAddSingleton(sp =>
        {
            var chosen = sp.GetRequiredService<IOptions<BlobStoreOptions>>().Value.Provider;
            return sp.GetServices<BlobStoreProvider>().Last(p => string.Equals(p.Name, chosen, StringComparison.OrdinalIgnoreCase)).Create(sp);
        });
        return services;
    }

    /// <summary>
    /// Registers <see cref="ITableStore"/>, served by the adapter "Storage:Tables:Provider" names (default sqlite:
    /// "tables.db" in Storage:DataFolder), and <see cref="IDedupKeys"/> and <see cref="SignedRequestReplayGuard"/> on top of it. An unknown provider fails start-up.
    /// </summary>
    public static IServiceCollection AddTableStore(this IServiceCollection services, IConfiguration configuration)
    {
        AddShared(services, configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TableStoreOptions>().Bind(configuration.GetSection(TableStoreOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TableStoreOptions>, TableStoreOptionsValidator>());
        if (!services.Any(d => d.ServiceType == typeof(TableStoreProvider) && d.ImplementationInstance is TableStoreProvider { Name: SqliteProvider }))
        {
            services.AddSingleton(new TableStoreProvider(SqliteProvider, sp => ActivatorUtilities.CreateInstance<SqliteTableStore>(sp)));
        }

        services.TryAddSingleton(sp =>
        {
            var chosen = sp.GetRequiredService<IOptions<TableStoreOptions>>().Value.Provider;
            return sp.GetServices<TableStoreProvider>().Last(p => string.Equals(p.Name, chosen, StringComparison.OrdinalIgnoreCase)).Create(sp);
        });
        services.TryAddSingleton<IDedupKeys, TableDedupKeys>();
        services.TryAddSingleton<SignedRequestReplayGuard>();
        services.TryAddSingleton<TableSweeper>();
        services.AddExpiringTable(TableDedupKeys.Table);
        return services;
    }

    /// <summary>Names a table whose expired rows <see cref="TableSweeper"/> deletes (once, however often it is called).</summary>
    public static IServiceCollection AddExpiringTable(this IServiceCollection services, string table)
    {
        if (!services.Any(d => d.ImplementationInstance is ExpiringTable existing && existing.Name == table))
        {
            services.AddSingleton(new ExpiringTable(table));
        }

        return services;
    }

    private static void AddShared(IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataFolder), "Storage:DataFolder must not be empty.")
            .ValidateOnStart();
}
