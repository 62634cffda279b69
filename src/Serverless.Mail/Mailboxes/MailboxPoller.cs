using MailKit;
using MailKit.Search;
using Microsoft.Extensions.Options;

namespace Serverless.Mail.Mailboxes;

/// <summary>What one poll of a mailbox did.</summary>
public sealed record PollResult(string Mailbox, int Seen, int HandedOn, int FilteredOut, bool Rescanned);

/// <summary>One poll of one mailbox: the messages after its checkpoint, oldest first, each handed to the
/// <see cref="IMailboxSink"/>, then marked on the server as configured, then the checkpoint moved past it. A crash
/// between two of these re-reads at most that one message on the next poll, which the sink's dedup absorbs. Both
/// hosts poll through this class: the embedded host's MailboxMonitorService and the Functions app's timer.</summary>
public sealed class MailboxPoller(IOptionsMonitor<MailOptions> options, MailboxCheckpoints checkpoints, IMailboxSink sink, MailboxHealth health, TimeProvider time)
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
            health.Succeeded(mailbox, time.GetUtcNow(), result.Seen, result.HandedOn);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            health.Failed(mailbox, time.GetUtcNow(), $"{ex.GetType().Name}: {ex.Message}");
            throw;
        }
    }

    private async Task<PollResult> PollCoreAsync(string mailbox, MailboxOptions settings, int max, CancellationToken cancellationToken)
    {
        using var client = await ImapConnector.ConnectAsync(settings, Timeout, cancellationToken);
        var folder = string.Equals(settings.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox
            : await client.GetFolderAsync(settings.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);

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
        foreach (var uid in uids)
        {
            var message = await folder.GetMessageAsync(uid, cancellationToken);
            if (MailboxFilter.Matches(settings, message))
            {
                await sink.AcceptAsync(new MailboxMessage(mailbox, folder.UidValidity, uid.Id, message), cancellationToken);
                await MarkAsync(folder, uid, settings.AfterProcessing, destination, cancellationToken);
                handedOn++;
            }
            else
            {
                filteredOut++;
            }

            await checkpoints.AdvanceAsync(mailbox, new MailboxCheckpoint(folder.UidValidity, uid.Id), cancellationToken);
        }

        if (uids.Count == 0 && (checkpoint is null || rescanned))
        {
            await checkpoints.AdvanceAsync(mailbox, new MailboxCheckpoint(folder.UidValidity, last), cancellationToken);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return new PollResult(mailbox, uids.Count, handedOn, filteredOut, rescanned);
    }

    private static async Task MarkAsync(IMailFolder folder, UniqueId uid, AfterProcessing after, IMailFolder? destination, CancellationToken cancellationToken)
    {
        switch (after)
        {
            case AfterProcessing.MarkSeen:
                await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, cancellationToken);
                break;
            case AfterProcessing.Move:
                await folder.MoveToAsync(uid, destination!, cancellationToken);
                break;
        }
    }
}
