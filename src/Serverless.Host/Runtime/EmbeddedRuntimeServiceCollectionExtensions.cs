using Serverless.Api.DeadLetters;
using Serverless.Runtime.Hosting;

namespace Serverless.Host.Runtime;

public static class EmbeddedRuntimeServiceCollectionExtensions
{
    /// <summary>The SQLite runtime (AddWorkflowRuntime) plus what the API needs from it that is not in its
    /// abstractions: the dead-letter listing, the health check behind GET /api/health, and the sweep of expired table rows.</summary>
    public static IServiceCollection AddEmbeddedRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkflowRuntime(configuration);
        services.AddSingleton<IDeadLetterReader, RuntimeDeadLetterReader>();
        services.AddHealthChecks().AddCheck<RuntimeHealthCheck>("runtime");
        services.AddHostedService<TableSweepService>();
        return services;
    }
}
