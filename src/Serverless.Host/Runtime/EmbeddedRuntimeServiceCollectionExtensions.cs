using Serverless.Api.DeadLetters;
using Serverless.Host.Storage;
using Serverless.Runtime.Hosting;

namespace Serverless.Host.Runtime;

public static class EmbeddedRuntimeServiceCollectionExtensions
{
    /// <summary>The SQLite runtime (AddWorkflowRuntime) plus what the API needs from it that is not in its
    /// abstractions: the dead-letter listing and message replay, the health checks behind GET /api/health (the runtime database and
    /// the embedded stores' folders, each probed with a write), and the sweep of expired table rows.</summary>
    public static IServiceCollection AddEmbeddedRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkflowRuntime(configuration);
        services.AddSingleton<IDeadLetterReader, RuntimeDeadLetterReader>();
        services.AddSingleton<IDeadMessageReplay, RuntimeDeadMessageReplay>();
        services.AddHealthChecks().AddCheck<RuntimeHealthCheck>("runtime").AddCheck<StorageHealthCheck>("storage");
        services.AddHostedService<TableSweepService>();
        return services;
    }
}
