using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Connectors.DependencyInjection;
using Serverless.Connectors.Email;
using Serverless.Connectors.Selection;
using Serverless.Crm.Activities;
using Serverless.Crm.Api.Data;
using Serverless.Crm.Changes;
using Serverless.Crm.Data;
using Serverless.Runtime.Activities;
using Serverless.Storage.DependencyInjection;
using Serverless.Storage.Documents;

namespace Serverless.Crm;

/// <summary>The "Crm" settings.</summary>
public sealed class CrmOptions
{
    public const string SectionName = "Crm";

    /// <summary>Timeout of one call_webhook request, in seconds (1..300).</summary>
    public int WebhookTimeoutSeconds { get; set; } = 30;
}

public static class CrmServiceCollectionExtensions
{
    /// <summary>The built-in CRM (seed 002) as both hosts need it: the "Crm" settings (validated at start),
    /// <see cref="ICrmStore"/> on the document store, the named HttpClient of call_webhook and the eight crm.*
    /// activities the compiled workflows run. Adds the document store and the connectors when the host has not.
    /// Calling it twice registers nothing twice.</summary>
    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(ICrmStore)))
        {
            return services;
        }

        services.AddOptions<CrmOptions>().Bind(configuration.GetSection(CrmOptions.SectionName))
            .Validate(o => o.WebhookTimeoutSeconds is >= 1 and <= 300, $"Setting '{CrmOptions.SectionName}:WebhookTimeoutSeconds' must be between 1 and 300.")
            .ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(IDocumentStore)))
        {
            services.AddDocumentStore(configuration);
        }

        // AddConnectors is not idempotent (each call adds another resilience handler to the typed clients).
        if (!services.Any(d => d.ServiceType == typeof(IConnectorProvider<IEmailSender>)))
        {
            services.AddConnectors(configuration);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICrmStore, DocumentCrmStore>();
        services.AddHttpClient(CallWebhookActivity.HttpClientName).ConfigureHttpClient((sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CrmOptions>>().Value.WebhookTimeoutSeconds));

        services.AddActivity<SendEmailActivity>();
        services.AddActivity<CreateTaskActivity>();
        services.AddActivity<SendNotificationActivity>();
        services.AddActivity<UpdateFieldActivity>();
        services.AddActivity<AssignUserActivity>();
        services.AddActivity<AddTagActivity>();
        services.AddActivity<CreateActivityActivity>();
        services.AddActivity<CallWebhookActivity>();
        services.TryAddSingleton<CrmChanges>();
        services.AddCrmDataApi();
        return services;
    }
}
