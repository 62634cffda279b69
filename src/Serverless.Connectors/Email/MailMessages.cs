using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace Serverless.Connectors.Email;

/// <summary>Builds the System.Net.Mail message for an <see cref="EmailMessage"/>.</summary>
internal static class MailMessages
{
    public static MailMessage Build(EmailMessage message, SmtpOptions options, string messageId)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(options.From!, options.FromName),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        foreach (var to in message.To)
        {
            mail.To.Add(to);
        }

        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
        {
            mail.Headers[name] = value;
        }

        if (message.ReplyTo is { } replyTo)
        {
            mail.ReplyToList.Add(replyTo);
        }

        mail.Headers.Add("Message-ID", messageId);
        if (message.TextBody is not null && message.HtmlBody is not null)
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain));
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
        }
        else
        {
            mail.Body = message.HtmlBody ?? message.TextBody ?? "";
            mail.IsBodyHtml = message.HtmlBody is not null;
        }

        return mail;
    }

    public static string NewMessageId(string? from) =>
        $"<{Guid.NewGuid():N}@{(from is not null && from.Contains('@') ? from[(from.IndexOf('@') + 1)..] : "serverless.local")}>";
}
