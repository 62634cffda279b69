using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Serverless.Host.Tests.Support;

/// <summary>The whole embedded host in memory (real SQLite runtime, demo activities, repository workflows) over a
/// temporary data folder.</summary>
public sealed class EmbeddedHostFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder? data;
    private readonly string dataFolder;

    public const string IntakeApiKey = "test-intake-key-0123456789";

    public EmbeddedHostFactory()
    {
        data = new TempFolder();
        dataFolder = data.Path;
    }

    /// <summary>A host over a data folder the caller owns (and keeps across restarts).</summary>
    internal EmbeddedHostFactory(string dataFolder) => this.dataFolder = dataFolder;

    public string DataFolder => dataFolder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Runtime:DataFolder", dataFolder);
        builder.UseSetting("Runtime:WorkflowsFolder", RepositoryPaths.Workflows);
        builder.UseSetting("RequestHandler:Classification:ModelPath", Path.Combine(RepositoryPaths.Root, "models", "request-classifier.json"));
        builder.UseSetting("RequestHandler:Intake:ApiKeys:0", IntakeApiKey);
        builder.UseSetting("Runtime:PollInterval", "00:00:00.100");
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            data?.Dispose();
        }
    }
}
