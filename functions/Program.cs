using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serverless.Api;
using Serverless.Api.Webhooks;
using Serverless.Approvals;
using Serverless.Connectors.DependencyInjection;
using Serverless.Functions.Durable;
using Serverless.Intake;
using Serverless.Storage.Azure;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services
    .AddDurableWorkflowRuntime(builder.Configuration)
    .AddStorage(builder.Configuration)
    .AddConnectors(builder.Configuration)
    .AddApprovals(builder.Configuration)
    .AddRequestHandler(builder.Configuration)
    .AddWorkflowApi()
    .AddWebhookTriggers(builder.Configuration);

// Every request reaches the worker from the Functions host over loopback, so loopback proves nothing here: the
// management key is required unless a setting says otherwise (the local.settings.json the azd hook writes does).
if (builder.Configuration["Api:AllowLoopbackWithoutKey"] is null)
{
    builder.Services.PostConfigure<ApiOptions>(options => options.AllowLoopbackWithoutKey = false);
}

builder.Build().Run();
