using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Intake;
using Serverless.Runtime.Hosting;

namespace Serverless.Bench.Intake;

/// <summary>The embedded host's composition for the intake (runtime with Durability=Full, request handler in sandbox
/// mode) on a loopback port, in this process. The workflow instances really run behind the endpoint.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string ApiKey = "bench-intake-key";

    private readonly WebApplication app;

    private BenchHost(WebApplication app, string folder, string baseAddress)
    {
        this.app = app;
        Folder = folder;
        BaseAddress = baseAddress;
    }

    public string Folder { get; }

    public string BaseAddress { get; }

    /// <summary>Parked: the definition is replaced by one that only waits an hour, so the figures are the intake's
    /// alone (accept, stage, commit the start), without the downstream steps competing for the two cores.</summary>
    public const string ParkedDefinition = """
        { "id": "request-handler", "version": 1, "steps": [ { "id": "parked", "type": "wait", "duration": "1h" } ] }
        """;

    public static async Task<BenchHost> StartAsync(string repositoryRoot, string durability, bool parked, string? sandboxDatabase = null, int activityWorkers = 16, int maxBatchSize = 1000)
    {
        var folder = Path.Combine(Path.GetTempPath(), "intake-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var workflows = Path.Combine(folder, "workflows");
        Directory.CreateDirectory(workflows);
        var definition = Path.Combine(workflows, "request-handler.json");
        if (parked)
        {
            await File.WriteAllTextAsync(definition, ParkedDefinition);
        }
        else
        {
            File.Copy(Path.Combine(repositoryRoot, "workflows", "request-handler.json"), definition);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Runtime:DataFolder"] = Path.Combine(folder, "runtime"),
            ["Runtime:WorkflowsFolder"] = workflows,
            ["Runtime:Durability"] = durability,
            ["Runtime:Scheduler:Enabled"] = "false",
            ["Runtime:MaxBatchSize"] = maxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Runtime:ActivityWorkers"] = activityWorkers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:DataFolder"] = Path.Combine(folder, "storage"),
            ["Storage:Blobs:Provider"] = "files",
            ["Connectors:Sandbox:DatabasePath"] = sandboxDatabase ?? Path.Combine(folder, "sandbox-calls.db"),
            ["RequestHandler:Intake:ApiKeys:0"] = ApiKey,
            ["RequestHandler:Classification:ModelPath"] = Path.Combine(repositoryRoot, "models", "request-classifier.json"),
        });
        builder.Services.AddWorkflowRuntime(builder.Configuration).AddRequestHandler(builder.Configuration);
        var app = builder.Build();
        app.MapIntakeApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchHost(app, folder, address);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
