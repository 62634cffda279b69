using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Serverless.Api;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Catalog;

namespace Serverless.Host.Tests.Support;

/// <summary>The API routes alone, over a mocked IWorkflowClient: for tests about HTTP mapping, not the runtime.</summary>
internal sealed class ApiTestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ApiTestServer(WebApplication app, Mock<IWorkflowClient> client)
    {
        this.app = app;
        Client = client;
        Http = app.GetTestClient();
    }

    public Mock<IWorkflowClient> Client { get; }

    public HttpClient Http { get; }

    public static async Task<ApiTestServer> StartAsync(IWorkflowCatalog? catalog = null, Action<IServiceCollection>? configure = null)
    {
        var client = new Mock<IWorkflowClient>(MockBehavior.Strict);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(client.Object);
        builder.Services.AddSingleton(catalog ?? new FakeCatalog(FakeCatalog.Definition("hello"), FakeCatalog.Definition("hello", 2)));
        builder.Services.AddWorkflowApi();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapWorkflowApi();
        await app.StartAsync();
        return new ApiTestServer(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.DisposeAsync();
    }
}
