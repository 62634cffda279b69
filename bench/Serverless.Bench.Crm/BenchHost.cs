using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Connectors.DependencyInjection;
using Serverless.Crm;
using Serverless.Crm.Data;
using Serverless.Runtime.Hosting;
using Serverless.Storage.Azure;

namespace Serverless.Bench.Crm;

/// <summary>
/// The embedded host's composition for the CRM (AddWorkflowRuntime as AddEmbeddedRuntime calls it, AddStorage,
/// AddConnectors, AddCrm), in a temporary data folder: SQLite runtime with its default durability (WAL,
/// synchronous=FULL), the document store as it ships (WAL), sandbox connectors, the scheduler off (no CRM job runs
/// during a measurement). Plus the CRM data the changes act on, written straight to the store (no event).
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(IHost host, string folder)
    {
        Host = host;
        Folder = folder;
    }

    public IHost Host { get; }

    public string Folder { get; }

    public IServiceProvider Services => Host.Services;

    public static async Task<BenchHost> StartAsync(IReadOnlyList<string> overrides)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crm-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(folder, "workflows"));
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Runtime:DataFolder"] = Path.Combine(folder, "runtime"),
            ["Runtime:WorkflowsFolder"] = Path.Combine(folder, "workflows"),
            ["Runtime:Scheduler:Enabled"] = "false",
            ["Storage:DataFolder"] = Path.Combine(folder, "storage"),
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:Blobs:Provider"] = "files",
            ["Connectors:Sandbox:DatabasePath"] = Path.Combine(folder, "sandbox-calls.db"),
        });

        // Any --Section:Key=value argument overrides a setting (e.g. --Runtime:ActivityWorkers=32), to compare one change.
        builder.Configuration.AddCommandLine([.. overrides]);
        builder.Services.AddWorkflowRuntime(builder.Configuration)
            .AddStorage(builder.Configuration)
            .AddConnectors(builder.Configuration)
            .AddCrm(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new BenchHost(host, folder);
    }

    /// <summary>A manager, four owners reporting to them, <paramref name="organisations"/> qualified organisations
    /// and one deal at stage S0 per organisation.</summary>
    public async Task<(List<Organisation> Organisations, List<Deal> Deals)> SeedAsync(int organisations)
    {
        var store = Services.GetRequiredService<ICrmStore>();
        await store.CreateAsync(new User { Id = "u-manager", Name = "Claire Manager", Email = "claire@example.com" });
        for (var i = 0; i < 4; i++)
        {
            await store.CreateAsync(new User { Id = $"u-{i}", Name = $"Commercial {i}", Email = $"commercial{i}@example.com", ManagerId = "u-manager" });
        }

        var orgs = new List<Organisation>();
        var deals = new List<Deal>();
        for (var i = 0; i < organisations; i++)
        {
            orgs.Add(await store.CreateAsync(new Organisation
            {
                Id = $"o-{i:D5}",
                Name = $"Client {i}",
                PipelineStage = "QUALIFICATION",
                Email = $"contact{i}@client{i}.example",
                OwnerId = $"u-{i % 4}",
                Fields = new Dictionary<string, JsonNode?> { ["segment"] = "pme", ["montant_potentiel"] = 20_000 + i, ["score"] = 0 },
            }));
            deals.Add(await store.CreateAsync(new Deal
            {
                Id = $"d-{i:D5}",
                OrganisationId = $"o-{i:D5}",
                Title = $"Licences client {i}",
                Stage = BenchWorkflows.Stages[0],
                Amount = 25_000 + i,
                Currency = "EUR",
                OwnerId = $"u-{i % 4}",
            }));
        }

        return (orgs, deals);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
