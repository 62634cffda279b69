using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Api.DeadLetters;
using Serverless.Api.Health;
using Serverless.Api.Http;
using Serverless.Api.Instances;
using Serverless.Api.Security;
using Serverless.Api.Stats;
using Serverless.Api.Workflows;
using Microsoft.AspNetCore.Diagnostics;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Statistics;

namespace Serverless.Api;

public static class WorkflowApiServiceCollectionExtensions
{
    /// <summary>Registers the handlers, the "Api" options (validated at start), health checks, problem details, the
    /// OpenAPI document, <see cref="ManagementAuth"/> (API keys and Entra ID tokens) and the IExceptionHandler that
    /// answers typed storage errors with 404/409/412/413 problems (used by UseExceptionHandler). The host must also register an IWorkflowClient and an IWorkflowCatalog (the runtime's AddWorkflowRuntime does both);
    /// an <see cref="IDeadLetterReader"/>, <see cref="IDeadMessageReplay"/> or <see cref="IInstanceStatistics"/> registered by
    /// the runtime replaces the fallback (Failed instances only, no messages, statistics paged from the listing).</summary>
    public static IServiceCollection AddWorkflowApi(this IServiceCollection services)
    {
        services.AddManagementAuth();
        services.AddHealthChecks();
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Serverless automation API";
            document.Info.Description = "Start, inspect and steer workflow instances.";
            return Task.CompletedTask;
        }));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, StorageExceptionHandler>());
        services.TryAddSingleton<IDeadLetterReader, FailedInstanceDeadLetterReader>();
        services.TryAddSingleton<IDeadMessageReplay, NoDeadMessages>();
        services.TryAddSingleton<IInstanceStatistics, ListingInstanceStatistics>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<HealthHandler>();
        services.TryAddScoped<AuthConfigHandler>();
        services.TryAddScoped<WorkflowHandlers>();
        services.TryAddScoped<StartInstanceHandler>();
        services.TryAddScoped<InstanceHandlers>();
        services.TryAddScoped<InstanceListHandler>();
        services.TryAddScoped<DeadLetterHandler>();
        services.TryAddScoped<DeadMessageReplayHandler>();
        services.TryAddScoped<StatsHandler>();
        return services;
    }
}
