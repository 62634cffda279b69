using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.Runtime.Channels;

internal sealed partial class MessageSweeperService(
    MessageSweeper sweeper,
    TimeProvider time,
    IOptions<ChannelOptions> options,
    ILogger<MessageSweeperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.SweepInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await sweeper.SweepAsync();
            }
            catch (Exception ex)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The dead-letter sweep of channel messages failed")]
    private partial void LogFailed(Exception exception);
}
