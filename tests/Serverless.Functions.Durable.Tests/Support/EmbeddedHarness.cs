using Serverless.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Api;
using Serverless.Api.Webhooks;
using Serverless.Approvals;
using Serverless.Connectors.DependencyInjection;
using Serverless.Host.Runtime;
using Serverless.Intake;
using Serverless.Runtime.Abstractions;
using Serverless.Storage.Azure;

namespace Serverless.Functions.Durable.Tests.Support;

/// <summary>The embedded host's runtime and features (the registrations of src/Serverless.Host/Program.cs, without
/// the web server) over SQLite in a temp folder.</summary>
public sealed class EmbeddedHarness : IRuntimeHarness
{
    private readonly IHost app;
    private readonly TempFolder folder;

    private EmbeddedHarness(IHost app, TempFolder folder)
    {
        this.app = app;
        this.folder = folder;
    }

    public string Name => "embedded";

    public IWorkflowClient Client => app.Services.GetRequiredService<IWorkflowClient>();

    public IServiceProvider Services => app.Services;

    public static async Task<EmbeddedHarness> StartAsync(Action<IServiceCollection> configure, IDictionary<string, string?>? settings = null)
    {
        var folder = new TempFolder();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder.Path });
        builder.Configuration.AddInMemoryCollection(HarnessSettings.For(folder.Path));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRouting();
        builder.Services.AddEmbeddedHost(builder.Configuration);
        configure(builder.Services);
        var app = builder.Build();
        await app.StartAsync();
        return new EmbeddedHarness(app, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        app.Dispose();
        folder.Dispose();
    }
}
