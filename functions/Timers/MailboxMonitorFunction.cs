using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Mail.Mailboxes;

namespace Serverless.Functions.Timers;

/// <summary>The embedded MailboxMonitorService's counterpart: every minute, polls each mailbox of Mail:Mailboxes
/// through the same <see cref="MailboxPoller"/>, whose checkpoint is in the shared table store, so that workers
/// polling at once neither skip nor duplicate (each message starts its workflows under one idempotency key). A
/// failing mailbox is logged and recorded and does not stop the others; the next tick is its retry.</summary>
public sealed class MailboxMonitorFunction(MailboxPoller poller, IOptionsMonitor<MailOptions> options, ILogger<MailboxMonitorFunction> logger)
{
    public const string Name = "MailboxMonitor";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        foreach (var mailbox in options.CurrentValue.Mailboxes.Keys)
        {
            try
            {
                var result = await poller.PollAsync(mailbox, cancellationToken);
                FunctionsLog.MailboxPolled(logger, mailbox, result.Seen, result.HandedOn);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                FunctionsLog.MailboxPollFailed(logger, mailbox, ex.GetType().Name, ex.Message);
            }
        }
    }
}
