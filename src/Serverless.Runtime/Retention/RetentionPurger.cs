using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Runtime.Dispatch;
using Serverless.Runtime.Store;

namespace Serverless.Runtime.Retention;

/// <summary>Purges finished instances (with their inbox, outbox and consumer rows) older than the retention.</summary>
internal sealed partial class RetentionPurger(
    EventPump pump,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<RetentionPurger> logger)
{
    private const int ChunkSize = 500;

    /// <summary>Returns how many instances were purged; 0 when retention is off (Days = 0).</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.Days == 0)
        {
            return 0;
        }

        var before = time.GetUtcNow() - TimeSpan.FromDays(options.Value.Days);
        var total = 0;
        int purged;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Small chunks keep each transaction short, so running instances are not held up.
            purged = await pump.WriteAsync(context => InstancePurge.PurgeFinished(context, before, ChunkSize));
            total += purged;
        }
        while (purged == ChunkSize);

        if (total > 0)
        {
            LogPurged(total, options.Value.Days);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purged {Count} instances finished more than {Days} days ago")]
    private partial void LogPurged(int count, int days);
}
