using Microsoft.Extensions.Hosting;

namespace Serverless.Crm.HubSpot;

/// <summary>The embedded host's timer for <see cref="HubSpotCrmPoll"/> (every Crm:HubSpot:PollIntervalSeconds);
/// the Functions app's HubSpotCrmPoll timer does the same. Ends at once when polling is off.</summary>
public sealed class HubSpotCrmPollService(HubSpotCrmPoll poll, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!poll.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(poll.Interval, time);
        do
        {
            await poll.RunIfDueAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
