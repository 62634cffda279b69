using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Catalog;
using Serverless.Runtime.Channels;
using Serverless.Runtime.Client;
using Serverless.Runtime.DeadLetters;
using Serverless.Runtime.Dispatch;
using Serverless.Runtime.Retention;
using Serverless.Runtime.Scheduling;
using Serverless.Runtime.Statistics;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>Registers the embedded durable runtime: SQLite store, catalog, <see cref="IWorkflowClient"/>,
    /// activity workers, timers, scheduler, channels, dead letters, statistics and retention, with their options bound from
    /// <paramref name="configuration"/> ("Runtime", "Runtime:Scheduler", "Runtime:Retention", "Runtime:Channels")
    /// and validated at start. Add activities with <c>AddActivity&lt;T&gt;()</c>.</summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkflowCatalog(configuration);
        services.AddOptions<ChannelOptions>()
            .Bind(configuration.GetSection(ChannelOptions.SectionName))
            .Validate(o => o.DeadLetterAfter > TimeSpan.Zero, "Runtime:Channels:DeadLetterAfter must be positive.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "Runtime:Channels:SweepInterval must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton<RuntimeDatabase>();
        services.TryAddSingleton<InstanceNotifications>();
        services.TryAddSingleton<ChannelRouter>();
        services.TryAddSingleton<EventPump>();
        services.TryAddSingleton<ActivityWorkerPool>();
        services.TryAddSingleton<InstanceReader>();
        services.TryAddSingleton<IWorkflowClient, SqliteWorkflowClient>();
        services.TryAddSingleton<IInstanceStatistics, SqliteInstanceStatistics>();
        services.TryAddSingleton<IChannelPublisher, ChannelPublisher>();
        services.TryAddSingleton<IDeadLetterStore, DeadLetterStore>();
        services.TryAddSingleton<ScheduleRunner>();
        services.TryAddSingleton<RetentionPurger>();
        services.TryAddSingleton<MessageSweeper>();

        services.AddHostedService<RuntimeHostedService>();
        services.AddHostedService<SchedulerService>();
        services.AddHostedService<RetentionService>();
        services.AddHostedService<MessageSweeperService>();
        return services;
    }

    /// <summary>What every runtime shares, the embedded one and Durable Functions alike: the runtime, scheduler and
    /// retention options (validated at start), the clock, the workflow catalog and the activity registry.</summary>
    public static IServiceCollection AddWorkflowCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WorkflowRuntimeOptions>()
            .Bind(configuration.GetSection(WorkflowRuntimeOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Runtime:PollInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<SchedulerOptions>()
            .Bind(configuration.GetSection(SchedulerOptions.SectionName))
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Runtime:Scheduler:PollInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Interval > TimeSpan.Zero, "Runtime:Retention:Interval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWorkflowCatalog, WorkflowCatalog>();
        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddSingleton<ActivityInvoker>();
        return services;
    }

    /// <summary>Registers a workflow definition written in code, next to those of the workflows folder.</summary>
    public static IServiceCollection AddWorkflowDefinition(this IServiceCollection services, WorkflowDefinition definition) =>
        services.AddSingleton(new WorkflowDefinitionRegistration(definition));
}
