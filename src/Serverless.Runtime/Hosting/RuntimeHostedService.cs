using Microsoft.Extensions.Hosting;
using Serverless.Runtime.Activities;
using Serverless.Runtime.Dispatch;

namespace Serverless.Runtime.Hosting;

/// <summary>Starts the pump and the activity workers, and stops them cleanly: workers first (unfinished
/// activities stay pending in the outbox), then the pump once it has committed what was queued.</summary>
internal sealed class RuntimeHostedService(EventPump pump, ActivityWorkerPool workers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        pump.Start(workers);
        workers.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await workers.StopAsync();
        await pump.StopAsync();
    }
}
