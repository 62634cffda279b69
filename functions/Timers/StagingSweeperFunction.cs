using Microsoft.Azure.Functions.Worker;
using Serverless.Intake.Files;

namespace Serverless.Functions.Timers;

/// <summary>The embedded StagingSweeperService's counterpart: deletes staged intake uploads past
/// RequestHandler:StagingRetention, with the same sweeper.</summary>
public sealed class StagingSweeperFunction(StagingSweeper sweeper)
{
    public const string Name = "StagingSweeper";

    [Function(Name)]
    public Task RunAsync([TimerTrigger("0 41 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
