using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.Crm.HubSpot;

/// <summary>The HubSpot poller's one entry point for both hosts: the embedded HubSpotCrmPollService and the
/// Functions timer HubSpotCrmPoll. Does nothing unless Crm:Provider is HubSpot and Crm:HubSpot:PollIntervalSeconds
/// is set; the poller (and what it needs) is only resolved then, so the built-in CRM needs none of it.</summary>
public sealed class HubSpotCrmPoll(IServiceProvider services, IOptions<CrmProviderOptions> provider, IOptionsMonitor<HubSpotCrmOptions> options,
    ILogger<HubSpotCrmPoll> logger)
{
    public bool Enabled => provider.Value.IsHubSpot && options.CurrentValue.PollIntervalSeconds > 0;

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.PollIntervalSeconds));

    /// <summary>Polls if on and due; a failure is logged, and the next interval is its retry.</summary>
    public async Task<HubSpotPollResult?> RunIfDueAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return null;
        }

        try
        {
            var result = await services.GetRequiredService<HubSpotChangePoller>().PollIfDueAsync(cancellationToken);
            if (result is not null)
            {
                HubSpotCrmLog.Polled(logger, result.Seen, result.Published.Count);
            }

            return result;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            HubSpotCrmLog.PollFailed(logger, ex.GetType().Name, ex.Message);
            return null;
        }
    }
}
