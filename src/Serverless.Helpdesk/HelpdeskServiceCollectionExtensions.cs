using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Connectors.DependencyInjection;
using Serverless.Connectors.Llm;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Zoho;
using Serverless.Helpdesk.Activities;
using Serverless.Helpdesk.Api;
using Serverless.Helpdesk.Batches;
using Serverless.Helpdesk.Demo;
using Serverless.Helpdesk.ExamPortal;
using Serverless.Helpdesk.Intents;
using Serverless.Helpdesk.Queue;
using Serverless.Helpdesk.Replies;
using Serverless.Helpdesk.Rules;
using Serverless.Helpdesk.Triage;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Hosting;
using Serverless.Storage.Documents;
using Serverless.Storage.DependencyInjection;

namespace Serverless.Helpdesk;

public static class HelpdeskServiceCollectionExtensions
{
    /// <summary>The helpdesk batch (seed 001) as both hosts need it: "Helpdesk" settings checked at start together
    /// with the rules files and reply templates, the pending / processed lists and batches on the document store,
    /// the exam portal (sandbox), the thirteen activities of workflows/helpdesk/*.json, the routes' handlers, the
    /// demo backlog (Helpdesk:DemoData) and the optional scheduled batch (Helpdesk:Schedule:Cron). Adds the document
    /// store and the connectors when the host has not.</summary>
    public static IServiceCollection AddHelpdesk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HelpdeskOptions>().Bind(configuration.GetSection(HelpdeskOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HelpdeskOptions>, HelpdeskOptionsValidator>());
        if (!services.Any(d => d.ServiceType == typeof(IDocumentStore)))
        {
            services.AddDocumentStore(configuration);
        }

        // AddConnectors is not idempotent (each call adds another resilience handler to the typed clients).
        if (!services.Any(d => d.ServiceType == typeof(IConnectorProvider<IZohoDeskClient>)))
        {
            services.AddConnectors(configuration);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HelpdeskRules>();
        services.TryAddSingleton<ReplyTemplates>();
        services.TryAddSingleton<IntentDetector>();
        services.AddLlmLabelClassifier();
        services.TryAddSingleton<HelpdeskLlmIntents>();
        services.TryAddSingleton(sp => new TicketTriage(sp.GetRequiredService<HelpdeskRules>(), sp.GetRequiredService<IOptions<HelpdeskOptions>>().Value.Crm));
        services.TryAddSingleton<ExamPortalSandboxData>();
        services.TryAddSingleton<IExamPortal, SandboxExamPortal>();
        services.TryAddSingleton<HelpdeskQueue>();
        services.TryAddSingleton<HelpdeskBatchStore>();
        services.TryAddSingleton<HelpdeskBatches>();
        services.TryAddSingleton<PendingRefresh>();
        services.TryAddSingleton<HelpdeskHandlers>();
        services.AddHostedService<HelpdeskDemoService>();

        services.AddActivity<ReadTicketActivity>();
        services.AddActivity<FindDealActivity>();
        services.AddActivity<ReadExamFileActivity>();
        services.AddActivity<DetectIntentsActivity>();
        services.AddActivity<TriageActivity>();
        services.AddActivity<CreateDraftActivity>();
        services.AddActivity<UpdateCrmActivity>();
        services.AddActivity<AddNoteActivity>();
        services.AddActivity<RouteTicketActivity>();
        services.AddActivity<RecordResultActivity>();
        services.AddActivity<TakeBatchActivity>();
        services.AddActivity<RecordFailureActivity>();
        services.AddActivity<FinishBatchActivity>();

        var schedule = configuration.GetSection(HelpdeskOptions.SectionName).Get<HelpdeskOptions>()?.Schedule ?? new HelpdeskScheduleOptions();
        if (!string.IsNullOrWhiteSpace(schedule.Cron))
        {
            services.AddWorkflowDefinition(HelpdeskSchedule.Definition(schedule));
        }

        return services;
    }
}
