using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Storage.Dedup;
using Serverless.Storage.DependencyInjection;

namespace Serverless.Api.Webhooks;

public static class WebhookTriggerServiceCollectionExtensions
{
    /// <summary>Registers <see cref="WebhookTriggerHandler"/> and the "Webhooks" options (validated at start: each
    /// key and secret at least 16 characters, tolerance up to an hour). Calling it twice registers once. Needs an
    /// IWorkflowClient and IWorkflowCatalog (the runtime) and reads Api:MaxRequestBodyBytes (AddWorkflowApi); adds the
    /// table store (the replay guard's dedup keys) when the host has not registered it already.</summary>
    public static IServiceCollection AddWebhookTriggers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(WebhookTriggerHandler)))
        {
            return services;
        }

        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookCredentials>();
        if (!services.Any(d => d.ServiceType == typeof(IDedupKeys)))
        {
            services.AddTableStore(configuration);
        }

        services.TryAddSingleton<SignedRequestReplayGuard>();
        services.AddScoped<WebhookTriggerHandler>();
        return services;
    }
}
