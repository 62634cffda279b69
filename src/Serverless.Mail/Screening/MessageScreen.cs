using Microsoft.Extensions.Options;
using MimeKit;

namespace Serverless.Mail.Screening;

/// <summary>
/// Decides from headers (and the report structure of bounces) whether a message is from a person. Rules run in this
/// order and the first that matches wins: own mail, bounce, read receipt, automatic-reply headers, list headers,
/// Precedence, out-of-office subject of a reply. See docs/mail.md, "Parsing, screening and threading".
/// </summary>
public sealed partial class MessageScreen(IOptions<MailScreeningOptions> options)
{
    /// <summary>The header our outgoing notifications carry, so that they never come back as tickets.</summary>
    public const string AgentHeader = "X-Serverless-Agent";

    private static readonly string[] OutOfOfficeSubjects =
    [
        "out of office", "automatic reply", "auto reply", "autoreply", "auto-reply", "réponse automatique",
        "absence du bureau", "abwesenheitsnotiz", "automatische antwort", "automatisch antwoord", "risposta automatica",
        "respuesta automática",
    ];

    private readonly HashSet<string> ownAddresses = options.Value.OwnAddresses
        .Where(a => !string.IsNullOrWhiteSpace(a))
        .Select(a => a.Trim())
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public ScreenVerdict Screen(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return OwnMail(message)
            ?? Bounce(message)
            ?? AutoReplyHeaders(message)
            ?? MailingList(message)
            ?? PrecedenceBulk(message)
            ?? OutOfOfficeSubject(message)
            ?? Verdict(ScreenOutcome.Accept, "No header marks it as automatic, a bounce, a list message or our own mail.");
    }

    private ScreenVerdict? OwnMail(MimeMessage message)
    {
        if (message.Headers.Contains(AgentHeader))
        {
            return Verdict(ScreenOutcome.OwnMail, $"Header {AgentHeader} is set: we sent this message.");
        }

        foreach (var from in message.From.Mailboxes)
        {
            if (from.Address is { } address && ownAddresses.Contains(address.Trim()))
            {
                return Verdict(ScreenOutcome.OwnMail,
                    $"The From address is one of '{MailScreeningOptions.SectionName}:OwnAddresses'.");
            }
        }

        return null;
    }

    /// <remarks>
    /// X-Auto-Response-Suppress is not one of them: it asks others not to answer ("don't send me an out-of-office"),
    /// and Exchange distribution groups and list gateways add it to mail written by people. Exchange's own automatic
    /// replies also carry Auto-Submitted, and their "Automatic reply:" subject, which the rules here do read.
    /// </remarks>
    private static ScreenVerdict? AutoReplyHeaders(MimeMessage message)
    {
        var autoSubmitted = HeaderToken(message, "Auto-Submitted");
        if (autoSubmitted is not null && autoSubmitted != "no")
        {
            return Verdict(ScreenOutcome.AutoReply, $"Header Auto-Submitted is '{Shown(autoSubmitted)}' (RFC 3834: not written by a person).");
        }

        foreach (var name in (string[])["X-Autoreply", "X-Autorespond"])
        {
            if (message.Headers.Contains(name))
            {
                return Verdict(ScreenOutcome.AutoReply, $"Header {name} is present.");
            }
        }

        if (HeaderToken(message, "Precedence") == "auto_reply")
        {
            return Verdict(ScreenOutcome.AutoReply, "Header Precedence is 'auto_reply'.");
        }

        return null;
    }

    private static ScreenVerdict? MailingList(MimeMessage message)
    {
        foreach (var name in (string[])["List-Id", "List-Unsubscribe"])
        {
            if (message.Headers.Contains(name))
            {
                return Verdict(ScreenOutcome.MailingList, $"Header {name} is present: a mailing list or newsletter.");
            }
        }

        if (HeaderToken(message, "Precedence") == "list")
        {
            return Verdict(ScreenOutcome.MailingList, "Header Precedence is 'list'.");
        }

        return null;
    }

    private static ScreenVerdict? PrecedenceBulk(MimeMessage message) =>
        HeaderToken(message, "Precedence") is "bulk" or "junk"
            ? Verdict(ScreenOutcome.AutoReply, $"Header Precedence is '{HeaderToken(message, "Precedence")}': sent by a program, not a person.")
            : null;

    /// <summary>
    /// A subject such as "Automatic reply: ..." counts only on a reply (In-Reply-To or References set): a person may
    /// well write a new message titled "Out of office next week?", an out-of-office program always answers a message.
    /// </summary>
    private static ScreenVerdict? OutOfOfficeSubject(MimeMessage message)
    {
        var isReply = message.Headers.Contains(HeaderId.InReplyTo) || message.Headers.Contains(HeaderId.References);
        var subject = (message.Subject ?? "").TrimStart();
        if (!isReply || subject.Length == 0)
        {
            return null;
        }

        foreach (var phrase in OutOfOfficeSubjects)
        {
            if (subject.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                var rest = subject.AsSpan(phrase.Length).TrimStart();
                if (rest.IsEmpty || rest[0] == ':')
                {
                    return Verdict(ScreenOutcome.AutoReply,
                        $"The Subject starts with '{subject[..phrase.Length]}' and the message answers another (In-Reply-To/References).");
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The header's first word, lower case, without parameters or comments ("auto-replied" of "Auto-Replied; owner-email=...",
    /// "no" of "no (sent by a person)", as RFC 3834 allows); null if absent.
    /// </summary>
    private static string? HeaderToken(MimeMessage message, string name)
    {
        var value = message.Headers[name];
        if (value is null)
        {
            return null;
        }

        var end = value.IndexOfAny([';', '(']);
        var token = (end >= 0 ? value[..end] : value).Trim();
        var space = token.IndexOfAny([' ', '\t', '\r', '\n']);
        return (space >= 0 ? token[..space] : token).ToLowerInvariant();
    }

    private static string Shown(string value) => value.Length > 60 ? value[..60] + "..." : value;

    private static ScreenVerdict Verdict(ScreenOutcome outcome, string reason, IReadOnlyList<string>? failed = null) =>
        new(outcome, reason, failed ?? []);
}
