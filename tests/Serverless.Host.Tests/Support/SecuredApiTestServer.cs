using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Serverless.Api;
using Serverless.Host.Web;
using Serverless.Runtime.Abstractions;

namespace Serverless.Host.Tests.Support;

/// <summary>The API routes over a mocked IWorkflowClient, like <see cref="ApiTestServer"/>, but with settings
/// (<c>Api:ApiKeys</c>, <c>Api:AllowLoopbackWithoutKey</c>), the host's real <see cref="WebHostExtensions.UseProblemResponses"/>
/// and a chosen connection address: TestServer gives requests no RemoteIpAddress, so a first middleware sets
/// <see cref="RemoteIp"/> (null keeps TestServer's in-process null).</summary>
internal sealed class SecuredApiTestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private readonly Address address;

    private SecuredApiTestServer(WebApplication app, Mock<IWorkflowClient> client, Address address)
    {
        this.app = app;
        this.address = address;
        Client = client;
        Http = app.GetTestClient();
    }

    public Mock<IWorkflowClient> Client { get; }

    public HttpClient Http { get; }

    /// <summary>The address every request appears to come from; change it between requests.</summary>
    public IPAddress? RemoteIp
    {
        get => address.Value;
        set => address.Value = value;
    }

    public static async Task<SecuredApiTestServer> StartAsync(
        IDictionary<string, string?>? settings = null,
        IPAddress? remoteIp = null,
        Action<WebApplication>? map = null)
    {
        var client = new Mock<IWorkflowClient>(MockBehavior.Strict);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton(client.Object);
        builder.Services.AddSingleton<Serverless.Runtime.Catalog.IWorkflowCatalog>(new FakeCatalog(FakeCatalog.Definition("hello")));
        builder.Services.AddWorkflowApi();
        var app = builder.Build();
        var address = new Address { Value = remoteIp };
        app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = address.Value;
            return next(context);
        });
        app.UseProblemResponses();
        app.MapWorkflowApi();
        map?.Invoke(app);
        await app.StartAsync();
        return new SecuredApiTestServer(app, client, address);
    }

    private sealed class Address
    {
        public IPAddress? Value { get; set; }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.DisposeAsync();
    }
}
