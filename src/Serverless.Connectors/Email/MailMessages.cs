using MimeKit;

namespace Serverless.Connectors.Email;

/// <summary>Builds the MIME message for an <see cref="EmailMessage"/>.</summary>
internal static class MailMessages
{
    /// <summary>RFC 3834: mail a program sends on its own says so, so that other agents and out-of-office responders do
    /// not answer it (the loop the email agent of seed 004 must never start).</summary>
    public const string AutoSubmittedHeader = "Auto-Submitted";

    public static MimeMessage Build(EmailMessage message, SmtpOptions options, string messageId)
    {
        var mail = new MimeMessage { Subject = message.Subject, MessageId = messageId };
        mail.From.Add(new MailboxAddress(options.FromName ?? "", options.From!));
        foreach (var to in message.To)
        {
            mail.To.Add(MailboxAddress.Parse(to));
        }

        if (message.ReplyTo is { } replyTo)
        {
            mail.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }

        if (!string.IsNullOrEmpty(options.AutoSubmitted))
        {
            mail.Headers[AutoSubmittedHeader] = options.AutoSubmitted;
        }

        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
        {
            mail.Headers[name] = value;
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (body.TextBody is null && body.HtmlBody is null)
        {
            body.TextBody = "";
        }

        mail.Body = body.ToMessageBody();
        return mail;
    }

    /// <summary>A Message-ID without the angle brackets (MimeKit adds them on the wire).</summary>
    public static string NewMessageId(string? from) =>
        $"{Guid.NewGuid():N}@{(from is not null && from.Contains('@') ? from[(from.IndexOf('@') + 1)..] : "serverless.local")}";
}
