using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Connectors.DependencyInjection;
using Serverless.Connectors.Sandbox;
using Serverless.Connectors.Selection;
using Serverless.Runtime.Abstractions;
using Serverless.Storage.Azure;

namespace Serverless.Connectors.Tests;

/// <summary>The connectors wired exactly as the hosts wire them (AddStorage, then AddConnectors over configuration),
/// with fast resilience numbers and private sandbox and table databases per test.</summary>
public sealed class ConnectorTestHost : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connectors-tests", Guid.NewGuid().ToString("N"));

    private ConnectorTestHost(IDictionary<string, string?> settings, TimeProvider? time, Action<IServiceCollection>? configure)
    {
        var all = new Dictionary<string, string?>
        {
            ["Connectors:Resilience:BaseDelay"] = "00:00:00.020",
            ["Connectors:Resilience:MaxDelay"] = "00:00:05",
            ["Connectors:Resilience:MaxRetryAfter"] = "00:00:05",
            ["Connectors:Resilience:AttemptTimeout"] = "00:00:02",
            ["Connectors:Resilience:TotalTimeout"] = "00:00:30",
            ["Connectors:Sandbox:DatabasePath"] = Path.Combine(_folder, "sandbox-calls.db"),
            ["Storage:DataFolder"] = _folder,
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:Blobs:Provider"] = "files",
            ["Connectors:Alerts:AdminRecipients:0"] = "admin@example.test",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddStorage(configuration);
        configure?.Invoke(services);
        services.AddConnectors(configuration);
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public ISandboxCallLog CallLog => Services.GetRequiredService<ISandboxCallLog>();

    public static ConnectorTestHost Create(IDictionary<string, string?>? settings = null, TimeProvider? time = null,
        Action<IServiceCollection>? configure = null) =>
        new(settings ?? new Dictionary<string, string?>(), time, configure);

    public static ActivityContext Context(string instanceId = "instance-1", bool dryRun = false, string idempotencyKey = "instance-1:step:1") =>
        new(instanceId, "request-handler", "step", idempotencyKey, 1, null, dryRun);

    public T Connector<T>(ActivityContext? context = null)
        where T : class => Services.GetRequiredService<IConnectorProvider<T>>().For(context ?? Context());

    /// <summary>Runs the start-up validation the host runs (ValidateOnStart).</summary>
    public void ValidateOnStart() => Services.GetRequiredService<IStartupValidator>().Validate();

    public void Dispose()
    {
        Services.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
