using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Hosting;

namespace Serverless.Runtime.Tests.Support;

/// <summary>A real runtime (generic host, SQLite file in a temp folder). Disposing it and starting another over
/// the same folder is a restart.</summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly IHost host;

    private RuntimeHarness(IHost host) => this.host = host;

    public IWorkflowClient Client => host.Services.GetRequiredService<IWorkflowClient>();

    public T Get<T>() where T : notnull => host.Services.GetRequiredService<T>();

    public static async Task<RuntimeHarness> StartAsync(
        string dataFolder,
        TimeProvider clock,
        Action<IServiceCollection> configure,
        IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Runtime:DataFolder"] = dataFolder,
            ["Runtime:WorkflowsFolder"] = Path.Combine(dataFolder, "no-workflows-folder"),
            ["Runtime:Durability"] = "Normal",
            ["Runtime:PollInterval"] = "00:00:00.050",
            ["Runtime:Scheduler:Enabled"] = "false",
            ["Runtime:Retention:Interval"] = "1.00:00:00",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton(clock);
        builder.Services.AddWorkflowRuntime(builder.Configuration);
        configure(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new RuntimeHarness(host);
    }

    /// <summary>Polls the instance until <paramref name="until"/> holds; <paramref name="tick"/> runs between polls
    /// (to move a manual clock past retry and wait timers).</summary>
    public async Task<InstanceView> WaitForAsync(string instanceId, Func<InstanceView, bool> until, Action? tick = null, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        InstanceView? view = null;
        while (DateTime.UtcNow < deadline)
        {
            view = await Client.GetAsync(instanceId);
            if (view is not null && until(view))
            {
                return view;
            }

            tick?.Invoke();
            await Task.Delay(20);
        }

        throw new TimeoutException($"Instance {instanceId} did not reach the expected state; last status {view?.Status}, error {view?.Error}, timeline "
            + string.Join("; ", view?.Timeline.Select(r => $"{r.Key} {r.Status} x{r.Attempts} {r.Error?.Message}") ?? []));
    }

    public Task<InstanceView> WaitForEndAsync(string instanceId, Action? tick = null) =>
        WaitForAsync(instanceId, v => v.Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated, tick);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
