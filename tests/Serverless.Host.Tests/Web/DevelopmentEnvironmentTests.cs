using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Serverless.Host.Tests.Support;
using Serverless.Runtime.Abstractions;

namespace Serverless.Host.Tests.Web;

/// <summary>scripts/run.sh runs the host in the Development environment: it must answer as in production. In
/// particular ASP.NET Core's developer exception page (which WebApplication adds in Development) must never show a
/// caller a stack trace: failures stay problem+json.</summary>
public sealed class DevelopmentEnvironmentTests
{
    [Fact]
    public async Task UnhandledException_InDevelopment_IsAProblemWithoutStackTrace()
    {
        await using var factory = new DevelopmentHostFactory();
        using var http = factory.CreateClient();

        var response = await http.GetAsync("/api/instances/i-1");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        text.Should().NotContain(DevelopmentHostFactory.Secret).And.NotContain(" at ").And.NotContain("<html", "no developer exception page");
    }

    [Fact]
    public async Task DevelopmentHost_ServesTheApi_AndItsAuthConfig()
    {
        await using var factory = new DevelopmentHostFactory();
        using var http = factory.CreateClient();

        (await http.GetAsync("/api/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetStringAsync("/api/auth/config")).Should().Be("""{"modes":["apiKey"],"keyRequired":false,"entra":null}""");
    }

    private sealed class DevelopmentHostFactory : WebApplicationFactory<Program>
    {
        public const string Secret = "details-only-the-log-may-see";

        private readonly TempFolder data = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Runtime:DataFolder", data.Path);
            builder.UseSetting("Runtime:WorkflowsFolder", RepositoryPaths.Workflows);
            builder.UseSetting("RequestHandler:Classification:ModelPath", Path.Combine(RepositoryPaths.Root, "models", "request-classifier.json"));
            builder.ConfigureLogging(logging => logging.ClearProviders());
            builder.ConfigureTestServices(services =>
            {
                var client = new Mock<IWorkflowClient>();
                client.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException(Secret));
                services.AddSingleton(client.Object);
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
    }
}
