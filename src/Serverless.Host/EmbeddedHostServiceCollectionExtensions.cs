using Serverless.Api;
using Serverless.Api.Webhooks;
using Serverless.Approvals;
using Serverless.Connectors.DependencyInjection;
using Serverless.Host.Runtime;
using Serverless.Crm;
using Serverless.Crm.HubSpot;
using Serverless.Helpdesk;
using Serverless.Intake;
using Serverless.Mail;
using Serverless.OpsConsole;
using Serverless.Storage.Azure;

namespace Serverless.Host;

public static class EmbeddedHostServiceCollectionExtensions
{
    /// <summary>Every system the embedded host serves, in one place: the runtime, the stores, the connectors, the
    /// approvals, the request handler, the email ticket agent's mailboxes, the CRM workflow engine, the helpdesk batch, the management API and the webhook triggers. Program.cs adds the demo
    /// activities to it; test hosts call it as it is, so they run what the product runs.</summary>
    public static IServiceCollection AddEmbeddedHost(this IServiceCollection services, IConfiguration configuration) => services
        .AddEmbeddedRuntime(configuration)
        .AddStorage(configuration)
        .AddConnectors(configuration)
        .AddApprovals(configuration)
        .AddRequestHandler(configuration)
        .AddMail(configuration)
        .AddMailboxMonitor()
        .AddCrm(configuration)
        .AddHubSpotCrmPolling()
        .AddHelpdesk(configuration)
        .AddOperationsConsole(configuration)
        .AddWorkflowApi()
        .AddWebhookTriggers(configuration);
}
