using Microsoft.Azure.Functions.Worker;
using Serverless.Storage.Tables;

namespace Serverless.Functions.Timers;

/// <summary>The embedded TableSweepService's counterpart: deletes expired table rows (dedup keys, replay guards)
/// hourly. Expired rows already read as absent; the sweep keeps the shared tables from growing without end.</summary>
public sealed class TableSweepFunction(TableSweeper sweeper)
{
    public const string Name = "TableSweep";

    [Function(Name)]
    public Task RunAsync([TimerTrigger("0 41 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
