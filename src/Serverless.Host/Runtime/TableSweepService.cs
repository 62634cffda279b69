using Microsoft.Extensions.Options;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Retention;
using Serverless.Storage.Tables;

namespace Serverless.Host.Runtime;

/// <summary>Deletes expired table rows (dedup keys, replay guards) at the retention interval; the Functions app's
/// Retention timer does the same there.</summary>
internal sealed class TableSweepService(
    IServiceProvider services,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<TableSweepService> logger) : PeriodicService(time, logger)
{
    protected override string Description => "The expired table rows sweep";

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
        services.GetService<TableSweeper>() is { } sweeper ? sweeper.SweepAsync(cancellationToken) : Task.CompletedTask;
}
