using MimeKit;

namespace Serverless.Mail.Mailboxes;

/// <summary>A message read from a mailbox, where it was read, and its raw bytes as the server sent them.</summary>
public sealed record MailboxMessage(string Mailbox, uint UidValidity, uint Uid, MimeMessage Message);

/// <summary>What the poller hands each selected message to. It must make the message durable (stored, its workflow
/// started) before returning: only then does the poller mark it on the server and move its checkpoint past it.</summary>
public interface IMailboxSink
{
    /// <summary>False when nothing would take the mailbox's messages (no workflow's trigger names it): the poller
    /// then leaves them on the server, unread and unmarked, for when one does.</summary>
    bool Listens(string mailbox);

    Task AcceptAsync(MailboxMessage message, CancellationToken cancellationToken);
}
