using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;

namespace Serverless.Mail.Mailboxes;

/// <summary>How a wait with IMAP IDLE ended.</summary>
public enum IdleOutcome
{
    NotSupported,
    NewMail,
    TimedOut,
}

/// <summary>What one poll of a mailbox did.</summary>
public sealed record PollResult(string Mailbox, int Seen, int HandedOn, int FilteredOut, bool Rescanned);

/// <summary>One poll of one mailbox: the messages after its checkpoint, oldest first, in batches of
/// <see cref="MailboxBatch.Size"/>: each batch fetched in one round trip and handed to the <see cref="IMailboxSink"/>,
/// then marked on the server as configured, then the checkpoint moved past it. A crash between two of these re-reads
/// at most that batch on the next poll, which the sink's dedup absorbs. Both
/// hosts poll through this class: the embedded host's MailboxMonitorService and the Functions app's timer.</summary>
public sealed class MailboxPoller(IOptionsMonitor<MailOptions> options, MailboxCheckpoints checkpoints, IMailboxSink sink, MailboxHealth health,
    MailboxAlerts alerts, MailboxTokens tokens, TimeProvider time)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Polls <paramref name="mailbox"/> once; a failure is recorded in <see cref="MailboxHealth"/> and rethrown.</summary>
    public async Task<PollResult> PollAsync(string mailbox, CancellationToken cancellationToken)
    {
        var all = options.CurrentValue;
        var settings = all.Mailboxes.GetValueOrDefault(mailbox) ?? throw new ArgumentException($"No mailbox '{mailbox}' in Mail:Mailboxes.", nameof(mailbox));
        try
        {
            var result = await PollCoreAsync(mailbox, settings, all.MaxMessagesPerPoll, cancellationToken);
            var now = time.GetUtcNow();
            health.Succeeded(mailbox, now, result.Seen, result.HandedOn);
            await alerts.SucceededAsync(mailbox, now, cancellationToken);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var error = $"{ex.GetType().Name}: {ex.Message}";
            var since = await alerts.FailedAsync(mailbox, now, error, CancellationToken.None);
            health.Failed(mailbox, now, error, since);
            throw;
        }
    }

    /// <summary>Waits on the mailbox with IMAP IDLE (RFC 2177) until a message arrives or <paramref name="maxWait"/>
    /// passes (at most 25 minutes, under the 29 the RFC lets servers keep an idle client). NotSupported when the server
    /// does not offer IDLE or nobody listens to the mailbox: the caller then just waits for the next poll.</summary>
    public async Task<IdleOutcome> IdleAsync(string mailbox, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.Mailboxes.GetValueOrDefault(mailbox) ?? throw new ArgumentException($"No mailbox '{mailbox}' in Mail:Mailboxes.", nameof(mailbox));
        if (!sink.Listens(mailbox))
        {
            return IdleOutcome.NotSupported;
        }

        var wait = maxWait < MaxIdle ? maxWait : MaxIdle;
        using var client = await ImapConnector.ConnectAsync(mailbox, settings, tokens, wait + Timeout, cancellationToken);
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
            return IdleOutcome.NotSupported;
        }

        var folder = await OpenFolderAsync(client, settings, FolderAccess.ReadOnly, cancellationToken);

        // Mail that came after the last poll's search but before this SELECT raises no EXISTS during the IDLE: it is
        // told by the folder's next UID being past the checkpoint, and read at once rather than at the next poll.
        var checkpoint = await checkpoints.GetAsync(mailbox, cancellationToken);
        if (folder.UidNext is { } next && checkpoint is not null && checkpoint.UidValidity == folder.UidValidity && next.Id > checkpoint.LastUid + 1)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
            return IdleOutcome.NewMail;
        }

        var count = folder.Count;
        using var done = new CancellationTokenSource(wait);
        var arrived = false;
        void OnCountChanged(object? sender, EventArgs e)
        {
            if (folder.Count > count)
            {
                arrived = true;
                done.Cancel();
            }
        }

        folder.CountChanged += OnCountChanged;
        try
        {
            await client.IdleAsync(done.Token, cancellationToken);
        }
        finally
        {
            folder.CountChanged -= OnCountChanged;
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return arrived ? IdleOutcome.NewMail : IdleOutcome.TimedOut;
    }

    private static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(25);

    private static async Task<IMailFolder> OpenFolderAsync(ImapClient client, MailboxOptions settings, FolderAccess access, CancellationToken cancellationToken)
    {
        var folder = string.Equals(settings.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox
            : await client.GetFolderAsync(settings.Folder, cancellationToken);
        await folder.OpenAsync(access, cancellationToken);
        return folder;
    }

    private async Task<PollResult> PollCoreAsync(string mailbox, MailboxOptions settings, int max, CancellationToken cancellationToken)
    {
        using var client = await ImapConnector.ConnectAsync(mailbox, settings, tokens, Timeout, cancellationToken);
        var folder = await OpenFolderAsync(client, settings, FolderAccess.ReadWrite, cancellationToken);

        if (!sink.Listens(mailbox))
        {
            // The connection and the folder are checked, so health still tells a broken mailbox; nothing is read.
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new PollResult(mailbox, 0, 0, 0, false);
        }

        var checkpoint = await checkpoints.GetAsync(mailbox, cancellationToken);
        var rescanned = checkpoint is not null && checkpoint.UidValidity != folder.UidValidity;
        var last = checkpoint is null || rescanned ? 0u : checkpoint.LastUid;

        // "UID n:*" always includes the newest message, even below n: keep only what is really after the checkpoint.
        var uids = (await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(last + 1), UniqueId.MaxValue)), cancellationToken))
            .Where(u => u.Id > last)
            .OrderBy(u => u.Id)
            .Take(max)
            .ToList();

        var handedOn = 0;
        var filteredOut = 0;
        var destination = settings.AfterProcessing == AfterProcessing.Move ? await client.GetFolderAsync(settings.MoveTo!, cancellationToken) : null;
        for (var start = 0; start < uids.Count; start += MailboxBatch.Size)
        {
            var batch = await MailboxBatch.FetchAsync(folder, uids.GetRange(start, Math.Min(MailboxBatch.Size, uids.Count - start)), cancellationToken);

            // The batch is handed on together (the starts share the runtime's commits); then, in UID order, everything
            // up to the first failure is marked and passed by the checkpoint, and the failure is rethrown, so that
            // message and those after it are read again on the next poll (the sink's dedup absorbs the repeats).
            var accepted = batch.Select(m => MailboxFilter.Matches(settings, m.Message)
                ? HandOnAsync(new MailboxMessage(mailbox, folder.UidValidity, m.Uid.Id, m.Message), cancellationToken)
                : null).ToList();
            try
            {
                await Task.WhenAll(accepted.OfType<Task>());
            }
            catch (Exception) when (accepted.Any(t => t is { IsFaulted: true }))
            {
                // Each task is looked at below, in order.
            }

            var done = new List<UniqueId>();
            uint? passed = null;
            Exception? failure = null;
            for (var i = 0; i < batch.Count; i++)
            {
                if (accepted[i] is { } task)
                {
                    if (!task.IsCompletedSuccessfully)
                    {
                        failure = task.Exception?.InnerException ?? new OperationCanceledException(cancellationToken);
                        break;
                    }

                    done.Add(batch[i].Uid);
                    handedOn++;
                }
                else
                {
                    filteredOut++;
                }

                passed = batch[i].Uid.Id;
            }

            await MailboxBatch.MarkAsync(folder, done, settings.AfterProcessing, destination, cancellationToken);
            if (passed is { } uid)
            {
                await checkpoints.AdvanceAsync(mailbox, new MailboxCheckpoint(folder.UidValidity, uid), cancellationToken);
            }

            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }

        // Nothing after the checkpoint: the UIDs below the folder's next UID (as of SELECT) were expunged unread, so the
        // checkpoint can pass them (a message arriving now gets a UID at or above it), and IDLE does not take them for new mail.
        var upTo = folder.UidNext is { } next && next.Id - 1 > last ? next.Id - 1 : last;
        if (uids.Count == 0 && (checkpoint is null || rescanned || upTo > last))
        {
            await checkpoints.AdvanceAsync(mailbox, new MailboxCheckpoint(folder.UidValidity, upTo), cancellationToken);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return new PollResult(mailbox, uids.Count, handedOn, filteredOut, rescanned);
    }

    // A sink that throws before its first await still fails only its own message's task.
    private async Task HandOnAsync(MailboxMessage message, CancellationToken cancellationToken) =>
        await sink.AcceptAsync(message, cancellationToken);
}
