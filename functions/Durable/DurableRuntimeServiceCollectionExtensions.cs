using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Catalog;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Retention;
using Serverless.Runtime.Scheduling;
using Serverless.Runtime.Statistics;

namespace Serverless.Functions.Durable;

public static class DurableRuntimeServiceCollectionExtensions
{
    /// <summary>What AddWorkflowRuntime gives the embedded host, minus the SQLite engine and its hosted loops:
    /// the catalog, the activity registry and the same options sections, with Durable Functions as the engine
    /// behind <see cref="IWorkflowClient"/>. The timer functions replace the hosted scheduler and retention loops.</summary>
    public static IServiceCollection AddDurableWorkflowRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkflowCatalog(configuration);
        services.TryAddSingleton<DurableClientHolder>();
        services.TryAddSingleton<StateBlobs>();
        services.TryAddSingleton<IWorkflowClient, DurableWorkflowClient>();
        // Durable's instance query cannot aggregate: the statistics page through the listing (at most 50,000 instances).
        services.TryAddSingleton<IInstanceStatistics, ListingInstanceStatistics>();
        return services;
    }
}
