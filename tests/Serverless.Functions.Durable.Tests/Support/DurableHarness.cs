using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Functions;
using Serverless.Functions.Channels;
using Serverless.Functions.Durable;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Catalog;

namespace Serverless.Functions.Durable.Tests.Support;

/// <summary>The Functions app's orchestrator and activity functions under DurableTaskTestHost (the real Durable Task
/// engine on an in-memory backend, with real replay), reached through the real <see cref="DurableWorkflowClient"/>.
/// The app's services are built by <see cref="FunctionsAppServiceCollectionExtensions.AddFunctionsApp"/>, as in
/// Azure; the test host creates orchestrators without DI, so the function classes are handed their dependencies
/// by closure, and the [DurableClient] binding is the test host's client.</summary>
public sealed class DurableHarness : IRuntimeHarness
{
    private readonly DurableTaskTestHost host;
    private readonly IHost app;
    private readonly TempFolder folder;

    /// <summary>How long a failed delivery stays invisible before the stand-in trigger sees it again.</summary>
    public static readonly TimeSpan QueueVisibility = TimeSpan.FromSeconds(1);

    private readonly QueueTriggerStandIn trigger;

    private DurableHarness(DurableTaskTestHost host, IHost app, TempFolder folder, QueueTriggerStandIn trigger)
    {
        this.trigger = trigger;
        this.host = host;
        this.app = app;
        this.folder = folder;
    }

    public string Name => "durable";

    public IWorkflowClient Client => app.Services.GetRequiredService<IWorkflowClient>();

    public DurableTaskClient Durable => host.Client;

    public IServiceProvider Services => app.Services;

    /// <summary>Starts the host. <paramref name="orchestrator"/> replaces the real orchestrator body (replay-safety tests).</summary>
    public static async Task<DurableHarness> StartAsync(
        Action<IServiceCollection> configure,
        IDictionary<string, string?>? settings = null,
        Func<WorkflowOrchestrator, TaskOrchestrationContext, Task<string>>? orchestrator = null)
    {
        var folder = new TempFolder();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder.Path });
        builder.Configuration.AddInMemoryCollection(HarnessSettings.For(folder.Path));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:Queue:ConnectionString"] = TestServices.AzuriteQueue,
            ["Channels:Queue:Name"] = $"ch-{Guid.NewGuid():N}"[..24],
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // ConfigureFunctionsWebApplication's part that the shared handlers lean on.
        builder.Services.AddRouting();
        builder.Services.AddFunctionsApp(builder.Configuration);
        configure(builder.Services);
        var app = builder.Build();
        await app.StartAsync(); // runs every ValidateOnStart, as the worker does
        var services = app.Services;

        var workflow = new WorkflowOrchestrator(services.GetRequiredService<IWorkflowCatalog>());
        var run = ActivatorUtilities.CreateInstance<RunActivityFunction>(services);
        var enqueue = ActivatorUtilities.CreateInstance<EnqueueMessageFunction>(services);
        var states = ActivatorUtilities.CreateInstance<StateBlobFunctions>(services);
        DurableTaskTestHost? started = null;
        started = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc<WorkflowRun, string>(WorkflowOrchestrator.Name,
                (context, _) => orchestrator is null ? workflow.RunAsync(context) : orchestrator(workflow, context));
            registry.AddActivityFunc<ActivityRequest, ActivityResult>(RunActivityFunction.Name,
                (_, request) => run.RunAsync(request, CancellationToken.None));
            registry.AddActivityFunc<SaveStatePartRequest>(StateBlobFunctions.SavePartName, (_, request) => states.SavePartAsync(request, CancellationToken.None));
            registry.AddActivityFunc<SaveStateRequest, string>(StateBlobFunctions.SaveName, (_, request) => states.SaveAsync(request, CancellationToken.None));
            registry.AddActivityFunc<LoadStatePartRequest, StatePart>(StateBlobFunctions.LoadPartName, (_, request) => states.LoadPartAsync(request, CancellationToken.None));
            registry.AddActivityFunc<ChannelMessage>(EnqueueMessageFunction.Name,
                (_, message) => enqueue.RunAsync(message, CancellationToken.None));
        });
        services.GetRequiredService<DurableClientHolder>().Use(started.Client);
        var trigger = new QueueTriggerStandIn(
            services.GetRequiredService<ChannelQueue>(), ActivatorUtilities.CreateInstance<ChannelMessageFunction>(services), started.Client, QueueVisibility);
        return new DurableHarness(started, app, folder, trigger);
    }

    public QueueTriggerStandIn QueueTrigger => trigger;

    public async ValueTask DisposeAsync()
    {
        await trigger.DisposeAsync();
        await host.DisposeAsync();
        await app.StopAsync();
        app.Dispose();
        folder.Dispose();
    }
}
