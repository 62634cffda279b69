using Serverless.Connectors.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Connectors.DependencyInjection;
using Serverless.Connectors.Email;
using Serverless.Connectors.Selection;
using Serverless.Mail.Agent;
using Serverless.Mail.Agent.Activities;
using Serverless.Mail.Classification;
using Serverless.Mail.Mailboxes;
using Serverless.Mail.Parsing;
using Serverless.Mail.Tickets;
using Serverless.Runtime.Activities;
using Serverless.Storage.Blobs;
using Serverless.Storage.DependencyInjection;
using Serverless.Storage.Tables;

namespace Serverless.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>The email ticket agent (seed 004) as both hosts need it: the "Mail" settings (validated at start),
    /// checkpoints in the shared table store, the poller and its alerts and XOAUTH2 tokens, the mailbox trigger
    /// (<see cref="WorkflowStartingSink"/>), parsing and screening ("Mail:Parsing", "Mail:Screening"), classification
    /// ("Mail:Classification"), the six activities of workflows/mail/email-ticket.json ("Mail:Agent"), the ticket
    /// store, the routes' handlers, the daily statistics and the "mailboxes" health check. Adds the table store, the
    /// blob store and the connectors when the host has not. The embedded host adds <see cref="AddMailboxMonitor"/>;
    /// the Functions app polls from its MailboxMonitor timer instead.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailNames.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        services.AddOptions<MailAgentOptions>().Bind(configuration.GetSection(MailAgentOptions.SectionName)).ValidateOnStart();
        services.AddOptions<TicketSheetOptions>().Bind(configuration.GetSection(TicketSheetOptions.SectionName))
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.Sheet), $"Setting '{TicketSheetOptions.SectionName}:Sheet' must name the tab when '{TicketSheetOptions.SectionName}:Enabled' is true.")
            .ValidateOnStart();
        services.TryAddSingleton<TicketSheetMirror>();
        services.TryAddSingleton<TicketSheetSync>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailAgentOptions>, MailAgentOptionsValidator>());
        services.AddOptions<EmailClassificationOptions>().Bind(configuration.GetSection(EmailClassificationOptions.SectionName))
            .PostConfigure(o =>
            {
                if (o.Categories.Count == 0)
                {
                    o.Categories.AddRange(EmailClassificationOptions.DefaultCategories);
                }

                if (o.Priorities.Count == 0)
                {
                    o.Priorities.AddRange(EmailClassificationOptions.DefaultPriorities);
                }

                if (o.UrgencyRules.Count == 0)
                {
                    o.UrgencyRules.AddRange(UrgencyRule.Defaults);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailClassificationOptions>, EmailClassificationOptionsValidator>());

        if (!services.Any(d => d.ServiceType == typeof(ITableStore)))
        {
            services.AddTableStore(configuration);
        }

        if (!services.Any(d => d.ServiceType == typeof(IBlobStore)))
        {
            services.AddBlobStore(configuration);
        }

        // AddConnectors is not idempotent (each call adds another resilience handler to the typed clients).
        if (!services.Any(d => d.ServiceType == typeof(IConnectorProvider<IEmailSender>)))
        {
            services.AddConnectors(configuration);
        }

        services.AddMailParsing(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(MailboxTokens.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<MailboxTokens>();
        services.TryAddSingleton<MailboxAlerts>();
        services.TryAddSingleton<MailboxCheckpoints>();
        services.TryAddSingleton<MailboxHealth>();
        services.TryAddSingleton<MailboxPoller>();
        services.TryAddSingleton<IMailboxSink, WorkflowStartingSink>();
        services.TryAddSingleton<ITicketStore, TableTicketStore>();
        services.TryAddSingleton<TicketHandlers>();
        services.TryAddSingleton<MailOutcomes>();
        services.TryAddSingleton<SuppressedRecipients>();
        services.TryAddSingleton<EmailClassifier>();
        services.AddLlmLabelClassifier();
        services.TryAddSingleton<EmailLlmClassifier>();
        services.TryAddSingleton<DailyStatistics>();
        services.TryAddSingleton<StatisticsHandler>();
        services.AddHealthChecks().AddCheck<MailboxHealthCheck>("mailboxes");

        services.AddActivity<ReadMessageActivity>();
        services.AddActivity<RecordScreenedActivity>();
        services.AddActivity<ThreadActivity>();
        services.AddActivity<ClassifyActivity>();
        services.AddActivity<OpenTicketActivity>();
        services.AddActivity<NotifyActivity>();
        services.AddActivity<MirrorTicketActivity>();
        return services;
    }

    /// <summary>Polls every mailbox from a background loop, and sends the daily statistics (the embedded host).</summary>
    public static IServiceCollection AddMailboxMonitor(this IServiceCollection services)
    {
        services.AddHostedService<MailboxMonitorService>();
        services.AddHostedService<MailDailyStatisticsService>();
        return services;
    }
}
