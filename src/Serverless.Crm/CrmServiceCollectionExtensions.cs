using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Api.Security;
using Serverless.Connectors.DependencyInjection;
using Serverless.Connectors.Email;
using Serverless.Connectors.Selection;
using Microsoft.Extensions.Options;
using Serverless.Crm.Activities;
using Serverless.Crm.Api;
using Serverless.Crm.Changes;
using Serverless.Crm.Executions;
using Serverless.Crm.Jobs;
using Serverless.Crm.Running;
using Serverless.Crm.Workflows.Store;
using Serverless.Crm.Api.Data;
using Serverless.Crm.Data;
using Serverless.Crm.Notifications;
using Serverless.Crm.HubSpot;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;
using Serverless.Storage.DependencyInjection;
using Serverless.Storage.Documents;

namespace Serverless.Crm;

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

        services.AddOptions<CrmOptions>().Bind(configuration.GetSection(CrmOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CrmOptions>, CrmOptionsValidator>();
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
        services.TryAddSingleton<ICrmWorkflowStore, DocumentCrmWorkflowStore>();
        services.TryAddSingleton<CrmExecutionStore>();
        services.TryAddSingleton<CrmWorkflowRegistry>();
        services.TryAddSingleton<CrmContextBuilder>();
        services.TryAddSingleton<CrmWorkflowRunner>();
        services.TryAddSingleton<CrmDispatcher>();
        services.TryAddSingleton<ICrmEventSink>(sp => sp.GetRequiredService<CrmDispatcher>());
        services.TryAddSingleton<CrmChanges>();
        services.TryAddSingleton<CrmExecutionReader>();
        services.TryAddSingleton<CrmWorkflowService>();
        services.TryAddSingleton<CrmManualRuns>();
        services.TryAddSingleton<CrmWebhookHandlers>();
        services.AddManagementAuth();
        services.TryAddSingleton<CrmWorkflowResponses>();
        services.TryAddSingleton<CrmWorkflowHandlers>();
        services.TryAddSingleton<CrmWorkflowHistoryHandlers>();
        services.TryAddSingleton<CrmDemoData>();
        services.AddOptions<CrmEmailTemplateOptions>().Bind(configuration.GetSection(CrmOptions.SectionName));
        services.TryAddSingleton<CrmEmailTemplates>();
        services.AddHostedService<CrmWorkflowLoaderService>();
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
        services.AddActivity<CheckInactivityActivity>();
        services.AddActivity<RunScheduledActivity>();
        services.AddActivity<CleanupExecutionsActivity>();
        var jobs = configuration.GetSection(CrmOptions.SectionName).Get<CrmOptions>()?.Jobs ?? new CrmJobOptions();
        if (jobs.Enabled && JobDefinitions(jobs) is { } definitions)
        {
            foreach (var job in definitions)
            {
                services.AddWorkflowDefinition(job);
            }
        }
        services.AddCrmNotifications(configuration);
        services.AddHubSpotCrm(configuration);
        services.AddCrmDataApi();
        return services;
    }

    /// <summary>Null when a job setting is bad: <see cref="CrmOptionsValidator"/> then stops the host naming it.</summary>
    private static IReadOnlyList<Engine.Definitions.WorkflowDefinition>? JobDefinitions(CrmJobOptions jobs)
    {
        try
        {
            return CrmJobs.Definitions(jobs);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
