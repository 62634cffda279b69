using MimeKit;

namespace Serverless.Mail.Mailboxes;

/// <summary>The seed's selection criteria (sender, subject, keywords): a message outside them is left on the server
/// untouched and not handed on.</summary>
internal static class MailboxFilter
{
    public static bool Matches(MailboxOptions options, MimeMessage message)
    {
        var from = string.Join(' ', message.From.Mailboxes.Select(m => m.Address));
        var subject = message.Subject ?? "";
        if (options.FromContains.Count > 0 && !options.FromContains.Any(f => from.Contains(f, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (options.SubjectContains.Count > 0 && !options.SubjectContains.Any(s => subject.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (options.Keywords.Count == 0)
        {
            return true;
        }

        var text = subject + "\n" + (message.TextBody ?? "");
        return options.Keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));
    }
}
