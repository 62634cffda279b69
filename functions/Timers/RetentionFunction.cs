using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Functions.Durable;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Retention;

namespace Serverless.Functions.Timers;

/// <summary>The embedded RetentionService's counterpart: purges ended instances older than Runtime:Retention:Days
/// (0 keeps everything). Durable filters on creation time, so an instance is purged Days after it started.</summary>
public sealed class RetentionFunction(IWorkflowClient client, DurableClientHolder holder, IOptions<RetentionOptions> options, ILogger<RetentionFunction> logger)
{
    public const string Name = "Retention";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 17 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (options.Value.Days == 0 || client is not DurableWorkflowClient durableClient)
        {
            return;
        }

        holder.Use(durable);
        var purged = await durableClient.PurgeEndedBeforeAsync(DateTimeOffset.UtcNow.AddDays(-options.Value.Days), cancellationToken);
        FunctionsLog.RetentionPurged(logger, purged, options.Value.Days, timer?.IsPastDue ?? false);
    }
}
