using System.Text.RegularExpressions;
using Serverless.Mail.Parsing;

namespace Serverless.Mail.Threading;

/// <summary>The keys a message is matched to an existing ticket by: its ticket number, the ids it answers, its subject.</summary>
public static partial class ThreadKeys
{
    /// <summary>"Re: [TKT-2026-000123] Printer" → "TKT-2026-000123" (upper case, with or without brackets); null if none.</summary>
    public static string? TicketNumberInSubject(string subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        try
        {
            var match = TicketNumber().Match(subject);
            return match.Success ? match.Value.ToUpperInvariant() : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>In-Reply-To first, then References newest (last) first; distinct, normalised.</summary>
    public static IReadOnlyList<string> CandidateMessageIds(ParsedEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var ids = new List<string>();
        if (MessageIds.Normalize(email.InReplyTo) is { } parent)
        {
            ids.Add(parent);
        }

        for (var i = email.References.Count - 1; i >= 0; i--)
        {
            if (MessageIds.Normalize(email.References[i]) is { } id && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>
    /// The subject without reply and forward prefixes, however many and in whichever language or case
    /// (Re:, RE :, Fwd:, Fw:, TR:, AW:, WG:, SV:, VS:, Antw:, Re[2]:), whitespace collapsed; letter case kept.
    /// </summary>
    public static string NormalizeSubject(string subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return "";
        }

        var s = WhiteSpace().Replace(subject, " ").Trim();
        try
        {
            while (ReplyPrefix().Match(s) is { Success: true } prefix)
            {
                s = s[prefix.Length..];
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A subject the prefix pattern cannot finish on in time keeps what was stripped so far.
        }

        return s.Trim();
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])TKT-\d{4}-\d{6}(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TicketNumber();

    [GeneratedRegex(@"^\s*(?:re|fwd?|tr|aw|wg|sv|vs|antw|réf|ref)\s*(?:\[\d{1,4}\]|\(\d{1,4}\))?\s*[:：]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WhiteSpace();
}
