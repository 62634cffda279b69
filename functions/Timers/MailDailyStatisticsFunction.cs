using Microsoft.Azure.Functions.Worker;
using Serverless.Mail.Agent;

namespace Serverless.Functions.Timers;

/// <summary>The embedded MailDailyStatisticsService's counterpart: every five minutes, sends the previous day's email
/// ticket statistics if they are due (Mail:Agent:DailyStatisticsAt) and no worker has sent them yet.</summary>
public sealed class MailDailyStatisticsFunction(DailyStatistics statistics, TimeProvider time)
{
    public const string Name = "MailDailyStatistics";

    [Function(Name)]
    public Task RunAsync([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        statistics.SendDueAsync(time.GetUtcNow(), cancellationToken);
}
