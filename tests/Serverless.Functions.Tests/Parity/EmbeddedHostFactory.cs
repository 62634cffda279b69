using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Serverless.Functions.Tests.Parity;

/// <summary>The real embedded host (src/Serverless.Host), with its data in a temporary folder.</summary>
public sealed class EmbeddedHostFactory : WebApplicationFactory<Program>
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("functions-parity-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Runtime:DataFolder", dataFolder);
        builder.UseSetting("Storage:DataFolder", dataFolder);
        builder.UseSetting("Runtime:WorkflowsFolder", RepositoryFiles.Path("workflows"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing connection: the temp folder is cleaned by the OS later.
        }
    }
}
