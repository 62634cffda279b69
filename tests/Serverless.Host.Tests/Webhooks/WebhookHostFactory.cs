using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Api.Webhooks;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Webhooks;

/// <summary>
/// The whole embedded host (Program, real SQLite runtime, demo activities) over temporary data and workflows folders
/// holding <see cref="WebhookWorkflows"/>, with Webhooks:ApiKeys and Webhooks:Secrets set. Adds the webhook services
/// and route itself for as long as Program.cs does not; both steps are skipped once Program.cs has them.
/// </summary>
public class WebhookHostFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "webhook-test-key-0123456789";
    public const string RotatedApiKey = "webhook-rotated-key-9876543210";
    public const string Secret = "webhook-test-secret-0123456789";
    public const string RotatedSecret = "webhook-rotated-secret-9876543210";

    private readonly TempFolder data = new();

    public WebhookHostFactory()
        : this(configureCredentials: true)
    {
    }

    protected WebhookHostFactory(bool configureCredentials)
    {
        ConfigureCredentials = configureCredentials;
        WebhookWorkflows.WriteTo(Path.Combine(data.Path, "workflows"));
    }

    /// <summary>Extra settings a derived factory adds (e.g. an invalid one, to test start-up validation).</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    private bool ConfigureCredentials { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Runtime:DataFolder", data.Path);
        builder.UseSetting("Runtime:WorkflowsFolder", Path.Combine(data.Path, "workflows"));
        builder.UseSetting("Storage:DataFolder", data.Path);
        builder.UseSetting("RequestHandler:Classification:ModelPath", Path.Combine(RepositoryPaths.Root, "models", "request-classifier.json"));
        builder.UseSetting("RequestHandler:Intake:ApiKeys:0", EmbeddedHostFactory.IntakeApiKey);
        builder.UseSetting("Runtime:PollInterval", "00:00:00.100");
        if (ConfigureCredentials)
        {
            builder.UseSetting("Webhooks:ApiKeys:0", ApiKey);
            builder.UseSetting("Webhooks:ApiKeys:1", RotatedApiKey);
            builder.UseSetting("Webhooks:Secrets:0", Secret);
            builder.UseSetting("Webhooks:Secrets:1", RotatedSecret);
        }

        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());

        // AddWebhookTriggers registers once however often it is called, so this is harmless after Program.cs calls it.
        builder.ConfigureServices((context, services) =>
        {
            services.AddWebhookTriggers(context.Configuration);
            services.AddTransient<IStartupFilter, MapWebhookTriggersUnlessMapped>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            data.Dispose();
        }
    }

    /// <summary>After Program's pipeline: maps POST /api/hooks/{*route} only when Program did not, on a second routing
    /// step that sees the requests Program's endpoints did not match.</summary>
    private sealed class MapWebhookTriggersUnlessMapped : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            var mapped = app.ApplicationServices.GetServices<EndpointDataSource>()
                .SelectMany(source => source.Endpoints)
                .Any(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == WebhookTriggerEndpoints.EndpointName);
            if (!mapped)
            {
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapWebhookTriggers());
            }
        };
    }
}

/// <summary>The same host with no Webhooks:ApiKeys or Webhooks:Secrets: protected hooks must stay closed (503).</summary>
public sealed class UnconfiguredWebhookHostFactory : WebhookHostFactory
{
    public UnconfiguredWebhookHostFactory()
        : base(configureCredentials: false)
    {
    }
}
