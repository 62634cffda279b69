using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Hosting;

/// <summary>A background loop that runs one pass, then waits its interval, until the host stops. A failed pass is
/// logged and the next one runs at the following interval; stopping the host never counts as a failure.</summary>
public abstract partial class PeriodicService(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>What the pass does, for the log line when it fails ("the retention purge").</summary>
    protected abstract string Description { get; }

    protected abstract TimeSpan Interval { get; }

    protected virtual bool Enabled => true;

    /// <summary>False to wait one interval before the first pass (sweeps that have nothing to do at start).</summary>
    protected virtual bool RunAtStart => true;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        if (!RunAtStart)
        {
            await DelayAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(ex, Description);
            }

            await DelayAsync(stoppingToken);
        }
    }

    private async Task DelayAsync(CancellationToken stoppingToken) =>
        await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Description} failed; retrying at the next interval")]
    private partial void LogPassFailed(Exception exception, string description);
}
