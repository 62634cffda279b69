using Serverless.Api;
using Serverless.Host.Configuration;
using Serverless.Host.Demo;
using Serverless.Host.Runtime;
using Serverless.Host.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddHostSettings(builder.Environment);
builder.UseEmbeddedHostDefaults();
builder.Logging.AddEmbeddedHostLogging();
builder.Services
    .AddEmbeddedRuntime(builder.Configuration)
    .AddDemoActivities(builder.Configuration)
    .AddWorkflowApi();

var app = builder.Build();
app.UseProblemResponses();
app.MapWorkflowApi();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
