using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Runtime.Hosting;

namespace Serverless.Runtime.Retention;

internal sealed class RetentionService(
    RetentionPurger purger,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<RetentionService> logger) : PeriodicService(time, logger)
{
    protected override string Description => "The retention purge";

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => purger.PurgeAsync(cancellationToken);
}
