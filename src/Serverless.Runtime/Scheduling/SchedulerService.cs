using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Runtime.Hosting;

namespace Serverless.Runtime.Scheduling;

/// <summary>Runs the schedule pass at start-up (catching up a missed run) and then every poll interval.</summary>
internal sealed class SchedulerService(
    ScheduleRunner runner,
    TimeProvider time,
    IOptions<SchedulerOptions> options,
    ILogger<SchedulerService> logger) : PeriodicService(time, logger)
{
    protected override string Description => "A scheduler pass";

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override bool Enabled => options.Value.Enabled;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => runner.RunDueAsync(cancellationToken);
}
