using System.Text;
using MimeKit;

namespace Serverless.Mail.Parsing;

/// <summary>The text parts of one message (the received one, or one attached to it), as read.</summary>
internal sealed class BodyText(MimeMessage? attached)
{
    /// <summary>The attached message this is the text of; null for the received message itself.</summary>
    public MimeMessage? Attached { get; } = attached;

    public List<string> Plain { get; } = [];

    public List<string> Html { get; } = [];

    public List<BodyText> Forwarded { get; } = [];

    /// <summary>The plain parts if they hold any text, else the HTML as text; then each forwarded message after a separator.</summary>
    public string Compose(int maxChars)
    {
        var output = new StringBuilder();
        Append(output, maxChars);
        return output.ToString();
    }

    public string HtmlAsText(int maxChars) =>
        HtmlToPlainText.Convert(string.Join("\n", Html), maxChars);

    private void Append(StringBuilder output, int maxChars)
    {
        var plain = string.Join("\n\n", Plain);
        output.Append(string.IsNullOrWhiteSpace(plain) ? HtmlAsText(Math.Max(0, maxChars - output.Length)) : plain);
        foreach (var forwarded in Forwarded)
        {
            if (output.Length >= maxChars)
            {
                return;
            }

            output.Append("\n\n").Append(EmailParser.ForwardedSeparator).Append('\n');
            if (forwarded.Attached is { } m)
            {
                AppendHeader(output, "From", m.From.ToString());
                AppendHeader(output, "Date", m.Headers[HeaderId.Date]);
                AppendHeader(output, "Subject", m.Subject);
                AppendHeader(output, "To", m.To.ToString());
            }

            output.Append('\n');
            forwarded.Append(output, maxChars);
        }
    }

    private static void AppendHeader(StringBuilder output, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var line = value.ReplaceLineEndings(" ");
        output.Append(name).Append(": ").Append(line.Length > 500 ? line[..500] : line).Append('\n');
    }
}
