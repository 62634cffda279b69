using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Api;

namespace Serverless.Host.Web;

public static class WebHostExtensions
{
    /// <summary>Listens on http://localhost:{Host:LocalHttpPort} (7071, the Functions port) unless a <c>urls</c>
    /// setting says otherwise, and caps request bodies at Api:MaxRequestBodyBytes in Kestrel too.</summary>
    public static WebApplicationBuilder UseEmbeddedHostDefaults(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            var port = builder.Configuration.GetValue($"{EmbeddedHostOptions.SectionName}:{nameof(EmbeddedHostOptions.LocalHttpPort)}", Configuration.HostDefaults.HttpPort);
            if (port is > 0 and <= 65535)
            {
                builder.WebHost.UseUrls($"http://localhost:{port}");
            }
        }

        var services = builder.Services;
        services.AddOptions<EmbeddedHostOptions>().BindConfiguration(EmbeddedHostOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddedHostOptions>, EmbeddedHostOptionsValidator>());
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ApiOptions>>((kestrel, api) => kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AnswerRefusalsWithProblems());
        return builder;
    }

    /// <summary>Unhandled exceptions, unknown routes and Kestrel's own refusals answer with problem+json too. The
    /// typed storage errors (not found, already exists, ETag mismatch, too large) are answered by the
    /// IExceptionHandler AddWorkflowApi registers (Serverless.Api.Http.StorageProblems: 404/409/412/413 naming the
    /// collection and id), which UseExceptionHandler runs before its own 500.</summary>
    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex switch
            {
                Microsoft.AspNetCore.Http.BadHttpRequestException bad => bad.StatusCode,
                _ => Serverless.Api.Http.StorageProblems.StatusCodeFor(ex) ?? StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        return app;
    }
}
