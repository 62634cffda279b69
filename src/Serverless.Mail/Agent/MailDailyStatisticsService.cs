using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Serverless.Mail.Agent;

/// <summary>The embedded host's timer for <see cref="DailyStatistics"/>: checks every five minutes whether the
/// previous day's statistics are due. The Functions app's MailDailyStatistics timer does the same.</summary>
public sealed partial class MailDailyStatisticsService(DailyStatistics statistics, TimeProvider time, ILogger<MailDailyStatisticsService> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        do
        {
            try
            {
                await statistics.SendDueAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Failed(logger, e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Daily statistics failed, next try in five minutes: {ErrorType}: {Error}")]
    private static partial void Failed(ILogger logger, string errorType, string error);
}
