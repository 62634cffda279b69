using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Zoho;
using Serverless.Helpdesk.ExamPortal;

namespace Serverless.Helpdesk.Demo;

/// <summary>With Helpdesk:DemoData (on in the embedded host), fills the sandbox Zoho Desk / CRM and exam portal
/// with <see cref="HelpdeskDemoBacklog"/> at start, dated from today, so that refresh, a dry run and a run against
/// the sandbox have tickets to work on. The sandbox never changes it: writes are recorded, not applied.</summary>
public sealed class HelpdeskDemoService(IOptions<HelpdeskOptions> options, ZohoSandboxData zoho, ExamPortalSandboxData portal, TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DemoData)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
            new HelpdeskDemoBacklog(today).FillSandbox(zoho, portal);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
