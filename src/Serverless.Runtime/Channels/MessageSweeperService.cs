using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Runtime.Hosting;

namespace Serverless.Runtime.Channels;

/// <summary>Moves channel messages nobody consumed in time to the dead letters, every sweep interval.</summary>
internal sealed class MessageSweeperService(
    MessageSweeper sweeper,
    TimeProvider time,
    IOptions<ChannelOptions> options,
    ILogger<MessageSweeperService> logger) : PeriodicService(time, logger)
{
    protected override string Description => "The dead-letter sweep of channel messages";

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override bool RunAtStart => false;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sweeper.SweepAsync();
}
