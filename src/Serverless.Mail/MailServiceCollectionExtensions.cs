using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Mail.Mailboxes;
using Serverless.Mail.Tickets;
using Serverless.Storage.DependencyInjection;
using Serverless.Storage.Tables;

namespace Serverless.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>The email ticket agent (seed 004) as both hosts need it: the "Mail" settings (validated at start),
    /// checkpoints in the shared table store, the poller, the mailbox trigger (<see cref="WorkflowStartingSink"/>) and
    /// the ticket store and the routes' handlers, and the "mailboxes" health check. The embedded host adds <see cref="AddMailboxMonitor"/>; the Functions app polls
    /// from its MailboxMonitor timer instead.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailNames.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        if (!services.Any(d => d.ServiceType == typeof(ITableStore)))
        {
            services.AddTableStore(configuration);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MailboxCheckpoints>();
        services.TryAddSingleton<MailboxHealth>();
        services.TryAddSingleton<MailboxPoller>();
        services.TryAddSingleton<IMailboxSink, WorkflowStartingSink>();
        services.TryAddSingleton<ITicketStore, TableTicketStore>();
        services.TryAddSingleton<TicketHandlers>();
        services.AddHealthChecks().AddCheck<MailboxHealthCheck>("mailboxes");
        return services;
    }

    /// <summary>Polls every mailbox from a background loop (the embedded host).</summary>
    public static IServiceCollection AddMailboxMonitor(this IServiceCollection services)
    {
        services.AddHostedService<MailboxMonitorService>();
        return services;
    }
}
