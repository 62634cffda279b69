using Serverless.Host;
using Serverless.Api;
using Serverless.Api.Security;
using Serverless.Api.Webhooks;
using Serverless.Approvals;
using Serverless.Connectors.DependencyInjection;
using Serverless.Connectors.Sandbox;
using Serverless.Crm.Api;
using Serverless.Crm.Notifications;
using Serverless.Crm.HubSpot;
using Serverless.Crm.Api.Data;
using Serverless.Host.Configuration;
using Serverless.Host.Demo;
using Serverless.Host.Runtime;
using Serverless.Host.Web;
using Serverless.Helpdesk.Api;
using Serverless.Intake;
using Serverless.Mail;
using Serverless.OpsConsole;
using Serverless.Storage.Azure;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddHostSettings(builder.Environment);
    builder.Configuration.AddLocalSigningKey();
    builder.UseEmbeddedHostDefaults();
    builder.Logging.AddEmbeddedHostLogging();
    builder.Services
        .AddEmbeddedHost(builder.Configuration)
        .AddDemoActivities(builder.Configuration);

    var app = builder.Build();
    app.LogConsoleAddress();
    app.UseRequestLogging();
    app.UseProblemResponses();
    app.MapWorkflowApi();
    app.MapWebhookTriggers();
    app.MapGroup("").RequireManagementKey().MapSandboxApi();
    app.MapGroup("").RequireManagementKey().MapMailApi();
    app.MapGroup("").RequireManagementKey().MapCrmWorkflowApi();
    app.MapGroup("").RequireManagementKey().MapCrmNotifications();
    app.MapCrmHubSpotWebhook();
    app.MapCrmWorkflowWebhook();
    app.MapGroup("").RequireManagementKey().MapCrmDataApi();
    app.MapGroup("").RequireManagementKey().MapHelpdeskApi();
    app.MapGroup("").RequireManagementKeyFor("ListPendingApprovals").MapApprovalsApi();
    app.MapIntakeApi();
    app.MapConsole();
    app.Run();
    return 0;
}
// Only as the process's own entry point: under WebApplicationFactory the exception must reach the test.
catch (Exception ex) when (System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly && SettingsFailure.Find(ex) is { } failure)
{
    return SettingsFailure.Report(failure, Console.Error);
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
