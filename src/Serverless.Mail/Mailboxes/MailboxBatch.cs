using MailKit;
using MailKit.Net.Imap;
using MimeKit;

namespace Serverless.Mail.Mailboxes;

/// <summary>The IMAP side of one batch of a poll: its messages in one FETCH (one round trip, not one per message), and
/// the handed-on ones marked in one STORE or MOVE.</summary>
internal static class MailboxBatch
{
    /// <summary>How many messages one round trip fetches and one batch hands on together.</summary>
    public const int Size = 50;

    /// <summary>The messages of <paramref name="uids"/> in UID order; a UID deleted meanwhile is simply absent.</summary>
    public static async Task<IReadOnlyList<(UniqueId Uid, MimeMessage Message)>> FetchAsync(IMailFolder folder, IList<UniqueId> uids, CancellationToken cancellationToken)
    {
        var fetched = new List<(UniqueId, MimeMessage)>(uids.Count);
        if (folder is ImapFolder imap)
        {
            await imap.GetStreamsAsync(uids, async (_, _, uid, stream, ct) =>
            {
                var message = await MimeMessage.LoadAsync(stream, ct);
                lock (fetched)
                {
                    fetched.Add((uid, message));
                }
            }, cancellationToken);
            fetched.Sort((a, b) => a.Item1.Id.CompareTo(b.Item1.Id));
            return fetched;
        }

        foreach (var uid in uids)
        {
            fetched.Add((uid, await folder.GetMessageAsync(uid, cancellationToken)));
        }

        return fetched;
    }

    public static async Task MarkAsync(IMailFolder folder, IList<UniqueId> uids, AfterProcessing after, IMailFolder? destination, CancellationToken cancellationToken)
    {
        if (uids.Count == 0)
        {
            return;
        }

        switch (after)
        {
            case AfterProcessing.MarkSeen:
                await folder.AddFlagsAsync(uids, MessageFlags.Seen, silent: true, cancellationToken);
                break;
            case AfterProcessing.Move:
                await folder.MoveToAsync(uids, destination!, cancellationToken);
                break;
        }
    }
}
