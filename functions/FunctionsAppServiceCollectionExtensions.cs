using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Api;
using Serverless.Api.Webhooks;
using Serverless.Approvals;
using Serverless.Connectors.DependencyInjection;
using Serverless.Functions.Channels;
using Serverless.Functions.Durable;
using Serverless.Crm;
using Serverless.Helpdesk;
using Serverless.Intake;
using Serverless.Mail;
using Serverless.OpsConsole;
using Serverless.Storage.Azure;

namespace Serverless.Functions;

public static class FunctionsAppServiceCollectionExtensions
{
    /// <summary>Everything the Functions app registers except the worker's own telemetry: Program.cs adds this,
    /// and the Durable test suites build the same container, so what they run is what Azure runs.</summary>
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddDurableWorkflowRuntime(configuration)
            .AddChannelQueue(configuration)
            .AddStorage(configuration)
            .AddConnectors(configuration)
            .AddApprovals(configuration)
            .AddRequestHandler(configuration)
            .AddMail(configuration)
            .AddCrm(configuration)
            .AddHelpdesk(configuration)
            .AddOperationsConsole(configuration)
            .AddWorkflowApi()
            .AddWebhookTriggers(configuration);

        // Every request reaches the worker from the Functions host over loopback, so loopback proves nothing here:
        // the management key is required unless a setting says otherwise (the local.settings.json the azd hook writes does).
        if (configuration["Api:AllowLoopbackWithoutKey"] is null)
        {
            services.PostConfigure<ApiOptions>(options => options.AllowLoopbackWithoutKey = false);
        }

        return services;
    }
}
