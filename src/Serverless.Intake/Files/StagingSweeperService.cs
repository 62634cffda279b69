using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Intake.RequestHandler;
using Serverless.Runtime.Hosting;

namespace Serverless.Intake.Files;

/// <summary>Runs <see cref="StagingSweeper"/> at start and every RequestHandler:StagingSweepInterval (the Functions
/// app runs the same sweeper from a timer).</summary>
internal sealed class StagingSweeperService(
    StagingSweeper sweeper,
    IOptions<RequestHandlerOptions> options,
    TimeProvider clock,
    ILogger<StagingSweeperService> logger) : PeriodicService(clock, logger)
{
    protected override string Description => "Sweeping the staged uploads";

    protected override TimeSpan Interval => options.Value.StagingSweepInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);
}
