using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Api.DeadLetters;
using Serverless.Api.Health;
using Serverless.Api.Instances;
using Serverless.Api.Workflows;

namespace Serverless.Api;

public static class WorkflowApiServiceCollectionExtensions
{
    /// <summary>Registers the handlers, the "Api" options (validated at start), health checks, problem details and
    /// the OpenAPI document. The host must also register an IWorkflowClient and an IWorkflowCatalog (the runtime's AddWorkflowRuntime does both);
    /// an <see cref="IDeadLetterReader"/> registered by the runtime replaces the Failed-instances fallback.</summary>
    public static IServiceCollection AddWorkflowApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.AddHealthChecks();
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Serverless automation API";
            document.Info.Description = "Start, inspect and steer workflow instances.";
            return Task.CompletedTask;
        }));
        services.TryAddSingleton<IDeadLetterReader, FailedInstanceDeadLetterReader>();
        services.TryAddScoped<HealthHandler>();
        services.TryAddScoped<WorkflowHandlers>();
        services.TryAddScoped<StartInstanceHandler>();
        services.TryAddScoped<InstanceHandlers>();
        services.TryAddScoped<InstanceListHandler>();
        services.TryAddScoped<DeadLetterHandler>();
        return services;
    }
}
