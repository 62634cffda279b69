using System.Net;
using System.Text.RegularExpressions;

namespace Serverless.Helpdesk.Replies;

/// <summary>Ticket threads, drafts and notes are HTML; the intent detector, the notes' exchanges summary and the
/// CLI's previews read them as text.</summary>
public static partial class HtmlText
{
    /// <summary>The text a person reads: tags removed, entities decoded, line breaks kept where the markup had them.</summary>
    public static string PlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var withBreaks = Breaks().Replace(html, "\n");
        var text = WebUtility.HtmlDecode(Tags().Replace(withBreaks, ""));
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>One line for a preview: every tag a space, every run of white space one space.</summary>
    public static string OneLine(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return AllSpace().Replace(Tags().Replace(html, " "), " ").Trim();
    }

    /// <summary>At most <paramref name="length"/> characters, an ellipsis when cut.</summary>
    public static string Cut(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= length ? text : text[..length] + "…";
    }

    [GeneratedRegex(@"<\s*(br|/p|/div|/li)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"<!--.*?-->|<[^>]+>", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\r\f\v]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AllSpace();
}
