using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Utils;

namespace Serverless.Mail.Parsing;

/// <summary>
/// Reads a loaded message into a <see cref="ParsedEmail"/>: headers, text, attachments. Pure and bounded: at most
/// <see cref="MailParsingOptions.MaxParts"/> parts are looked at, text is read up to a budget, attachments are counted
/// but never unpacked. It does not throw on a loaded message; whatever cannot be read becomes a Problems entry.
/// </summary>
public sealed partial class EmailParser(IOptions<MailParsingOptions> options)
{
    /// <summary>The subject is cut after this many characters.</summary>
    public const int MaxSubjectChars = 2_000;

    /// <summary>To and Cc keep at most this many addresses each.</summary>
    public const int MaxAddresses = 500;

    /// <summary>Problems listed at most (one more says how many were left out).</summary>
    public const int MaxProblems = 50;

    /// <summary>The line put before the text of a forwarded (attached) message.</summary>
    public const string ForwardedSeparator = "---------- Forwarded message ----------";

    private static readonly ParserOptions LoadOptions = new() { MaxMimeDepth = MimeWalk.MaxNestingDepth * 2 };

    private readonly MailParsingOptions settings = options.Value;
    private readonly IReadOnlySet<string> refusedExtensions = options.Value.EffectiveRefusedExtensions();

    static EmailParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Loads a message, tolerating what MimeKit tolerates (bad line endings, missing boundaries, broken headers).
    /// A stream that holds no message at all throws <see cref="UnreadableMessageException"/>.
    /// </summary>
    public static MimeMessage Load(Stream raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        try
        {
            return MimeMessage.Load(LoadOptions, raw);
        }
        catch (FormatException e)
        {
            throw new UnreadableMessageException("The stream is not a MIME message: its headers could not be read.", e);
        }
    }

    /// <summary>
    /// The decoded content of an attachment that <see cref="Parse"/> listed for this same message; the caller disposes it.
    /// Refused attachments are never handed out (<see cref="InvalidOperationException"/>).
    /// </summary>
    public static Stream OpenAttachment(MimeMessage message, ParsedAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(attachment);
        if (attachment.Refused)
        {
            throw new InvalidOperationException($"Attachment '{attachment.FileName}' was refused: {attachment.RefusedReason}");
        }

        foreach (var step in MimeWalk.Walk(message.Body))
        {
            if (step.Event == WalkEvent.Entity && step.Index == attachment.PartIndex)
            {
                if (step.Entity is MimePart { Content: { } content })
                {
                    return content.Open();
                }

                if (step.Entity is MimePart)
                {
                    return new MemoryStream([], writable: false);
                }

                break;
            }

            if (step.Index > attachment.PartIndex)
            {
                break;
            }
        }

        throw new ArgumentException($"Part {attachment.PartIndex} of this message is not an attachment.", nameof(attachment));
    }

    /// <summary>Everything the ticket agent needs from <paramref name="message"/>; never throws on a loaded message.</summary>
    public ParsedEmail Parse(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var state = new ParseState(settings);
        var headers = Attempt(state, "headers", () => ReadHeaders(message, state)) ?? new ParsedEmail();
        var top = new BodyText(null);
        Attempt(state, "body", () =>
        {
            WalkBody(message, top, state);
            return true;
        });

        var text = "";
        string? htmlText = null;
        Attempt(state, "body text", () =>
        {
            text = Cap(top.Compose(settings.MaxBodyChars * 2), settings.MaxBodyChars, "text", state);
            htmlText = top.Html.Count == 0 ? null : Cap(top.HtmlAsText(settings.MaxBodyChars * 2), settings.MaxBodyChars, "HTML text", state);
            return true;
        });

        return headers with
        {
            Text = text,
            HtmlText = htmlText,
            Charsets = state.Charsets,
            Attachments = state.Attachments,
            Problems = state.ProblemList(),
        };
    }

    private static ParsedEmail ReadHeaders(MimeMessage message, ParseState state)
    {
        var rawId = message.Headers[HeaderId.MessageId];
        var messageId = MessageIds.Normalize(rawId);
        if (messageId is null)
        {
            state.Problem(rawId is null ? "The message has no Message-ID header." : "The Message-ID header holds no usable id.");
        }

        var sender = message.From.Mailboxes.FirstOrDefault()
            ?? message.Sender
            ?? message.ReplyTo.Mailboxes.FirstOrDefault();
        if (sender is null)
        {
            state.Problem("No sender address could be read from From, Sender or Reply-To.");
        }

        DateTimeOffset? date = null;
        var rawDate = message.Headers[HeaderId.Date];
        if (rawDate is not null)
        {
            if (DateUtils.TryParse(rawDate, out var parsed))
            {
                date = parsed;
            }
            else
            {
                state.Problem("The Date header could not be read as a date.");
            }
        }

        var subject = OneLine(message.Subject ?? "");
        if (subject.Length > MaxSubjectChars)
        {
            subject = subject[..MaxSubjectChars];
            state.Problem($"The subject was cut at {MaxSubjectChars} characters.");
        }

        return new ParsedEmail
        {
            MessageId = messageId,
            SenderName = OneLine(sender?.Name ?? ""),
            SenderAddress = sender?.Address?.Trim().ToLowerInvariant() ?? "",
            To = Addresses(message.To, "To", state),
            Cc = Addresses(message.Cc, "Cc", state),
            Date = date,
            Subject = subject,
            InReplyTo = MessageIds.ParseList(message.Headers[HeaderId.InReplyTo]) is [var first, ..] ? first : null,
            References = MessageIds.ParseList(message.Headers[HeaderId.References]),
        };
    }

    private void WalkBody(MimeMessage message, BodyText top, ParseState state)
    {
        var bodies = new Stack<BodyText>();
        bodies.Push(top);
        foreach (var step in MimeWalk.Walk(message.Body))
        {
            if (step.Event == WalkEvent.Entity && step.Index >= settings.MaxParts)
            {
                state.Problem($"The message has more than {settings.MaxParts} parts; the rest were not read.");
                break;
            }

            switch (step.Event)
            {
                case WalkEvent.TooDeep:
                    state.Problem(step.Entity is MessagePart
                        ? $"Messages attached more than {MimeWalk.MaxForwardDepth} levels deep were not read."
                        : $"Parts nested more than {MimeWalk.MaxNestingDepth} levels deep were not read.");
                    break;
                case WalkEvent.EnterMessage:
                    bodies.Push(new BodyText(((MessagePart)step.Entity).Message));
                    break;
                case WalkEvent.LeaveMessage:
                    var done = bodies.Pop();
                    bodies.Peek().Forwarded.Add(done);
                    break;
                case WalkEvent.Entity when step.Entity is MimePart part:
                    Attempt(state, "a part", () =>
                    {
                        ReadPart(part, step, bodies.Peek(), state);
                        return true;
                    });
                    break;
                default:
                    break;
            }
        }

        // A walk cut short inside attached messages still keeps what was read of them.
        while (bodies.Count > 1)
        {
            var open = bodies.Pop();
            bodies.Peek().Forwarded.Add(open);
        }
    }

    private void ReadPart(MimePart part, WalkStep step, BodyText body, ParseState state)
    {
        if (part is ApplicationPkcs7Signature || IsSignature(part, step.Parent))
        {
            // The signature of a signed message is not something a person attached; it is not listed.
            return;
        }

        if (part is ApplicationPkcs7Mime)
        {
            state.Problem("The message is S/MIME encrypted or signed in an envelope; that part was not read.");
            return;
        }

        if (part is TextPart text && !part.IsAttachment && (text.IsPlain || text.IsHtml))
        {
            var charset = ReadCharset(text, state);
            var budget = text.IsHtml ? state.HtmlBudget : state.TextBudget;
            var read = ReadText(text, budget, charset, state, out var cut);
            if (cut)
            {
                state.Problem($"A {(text.IsHtml ? "HTML" : "text")} part was longer than the reading limit and was cut.");
            }

            if (text.IsHtml)
            {
                state.HtmlBudget -= read.Length;
                body.Html.Add(read);
            }
            else
            {
                state.TextBudget -= read.Length;
                body.Plain.Add(read);
            }

            return;
        }

        AddAttachment(part, step.Index, state);
    }

    private static bool IsSignature(MimePart part, Multipart? parent) =>
        parent is MultipartSigned or Multipart { ContentType.MimeType: "multipart/signed" }
        && part.ContentType.MimeType is "application/pkcs7-signature" or "application/x-pkcs7-signature" or "application/pgp-signature";

    private static T? Attempt<T>(ParseState state, string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            state.Problem($"Reading the {what} failed ({e.GetType().Name}); that part was skipped.");
            return default;
        }
    }

    private static string Cap(string text, int maxChars, string what, ParseState state)
    {
        var tidy = TextTidy.Tidy(text);
        if (tidy.Length <= maxChars)
        {
            return tidy;
        }

        state.Problem($"The {what} was cut at {maxChars.ToString("N0", CultureInfo.InvariantCulture)} characters.");
        var end = maxChars;
        if (char.IsHighSurrogate(tidy[end - 1]))
        {
            end--;
        }

        return tidy[..end];
    }

    private static string OneLine(string value)
    {
        var tidy = TextTidy.Tidy(value.Length > 4 * MaxSubjectChars ? value[..(4 * MaxSubjectChars)] : value);
        return tidy.Replace('\n', ' ');
    }

    private static IReadOnlyList<string> Addresses(InternetAddressList list, string header, ParseState state)
    {
        var addresses = new List<string>();
        foreach (var mailbox in list.Mailboxes)
        {
            if (addresses.Count == MaxAddresses)
            {
                state.Problem($"The {header} header holds more than {MaxAddresses} addresses; the rest were left out.");
                break;
            }

            if (!string.IsNullOrWhiteSpace(mailbox.Address))
            {
                addresses.Add(mailbox.Address.Trim().ToLowerInvariant());
            }
        }

        return addresses;
    }
}
