using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Serverless.Crm.Running;

/// <summary>At start, before the host serves anything: registers every stored version of every CRM workflow in
/// the catalog (so an execution resumed after a restart finds its version), and creates the demo CRM when
/// Crm:DemoData asks for it. Runs in both hosts (the Functions worker runs hosted services too).</summary>
public sealed class CrmWorkflowLoaderService(CrmWorkflowRegistry registry, CrmDemoData demo, IOptions<CrmOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DemoData)
        {
            await demo.EnsureAsync(cancellationToken);
        }

        await registry.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
