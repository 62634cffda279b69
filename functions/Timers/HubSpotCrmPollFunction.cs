using Microsoft.Azure.Functions.Worker;
using Serverless.Crm.HubSpot;

namespace Serverless.Functions.Timers;

/// <summary>The embedded HubSpotCrmPollService's counterpart: every minute, <see cref="HubSpotCrmPoll"/> polls HubSpot
/// for changed companies and deals when Crm:Provider is HubSpot and Crm:HubSpot:PollIntervalSeconds has passed since
/// the last poll by any worker (the schedule is in the document store); otherwise it does nothing.</summary>
public sealed class HubSpotCrmPollFunction(HubSpotCrmPoll poll)
{
    public const string Name = "HubSpotCrmPoll";

    [Function(Name)]
    public Task RunAsync([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        poll.RunIfDueAsync(cancellationToken);
}
