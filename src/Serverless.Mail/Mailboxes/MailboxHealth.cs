using System.Collections.Concurrent;

namespace Serverless.Mail.Mailboxes;

/// <summary>How one mailbox's polling goes, so that a dead trigger is never silent.</summary>
public sealed record MailboxStatus(
    string Mailbox,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastAttempt,
    string? LastError,
    int ConsecutiveFailures,
    DateTimeOffset? FailingSince,
    long MessagesSeen,
    long MessagesHandedOn)
{
    public bool Healthy => ConsecutiveFailures == 0;
}

/// <summary>The status of every mailbox of this process, updated by the poller and read by GET /api/health and
/// GET /api/mailboxes.</summary>
public sealed class MailboxHealth
{
    private readonly ConcurrentDictionary<string, MailboxStatus> statuses = new(StringComparer.Ordinal);

    public IReadOnlyList<MailboxStatus> All => statuses.Values.OrderBy(s => s.Mailbox, StringComparer.Ordinal).ToList();

    public MailboxStatus Of(string mailbox) => statuses.GetOrAdd(mailbox, m => new MailboxStatus(m, null, null, null, 0, null, 0, 0));

    public void Succeeded(string mailbox, DateTimeOffset at, int seen, int handedOn) =>
        statuses.AddOrUpdate(mailbox,
            m => new MailboxStatus(m, at, at, null, 0, null, seen, handedOn),
            (_, s) => s with
            {
                LastSuccess = at, LastAttempt = at, LastError = null, ConsecutiveFailures = 0, FailingSince = null,
                MessagesSeen = s.MessagesSeen + seen, MessagesHandedOn = s.MessagesHandedOn + handedOn,
            });

    /// <summary>Records a failed poll; returns the updated status.</summary>
    /// <param name="since">When the mailbox started failing as every host sees it (the shared record of
    /// <see cref="MailboxAlerts"/>), so a worker that restarted mid-outage still tells how long it has lasted.</param>
    public MailboxStatus Failed(string mailbox, DateTimeOffset at, string error, DateTimeOffset? since = null) =>
        statuses.AddOrUpdate(mailbox,
            m => new MailboxStatus(m, null, at, error, 1, Earliest(since, at), 0, 0),
            (_, s) => s with { LastAttempt = at, LastError = error, ConsecutiveFailures = s.ConsecutiveFailures + 1, FailingSince = Earliest(since, s.FailingSince ?? at) });

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value < b ? value : b;
}
