using System.Text;
using MimeKit.Text;

namespace Serverless.Mail.Parsing;

/// <summary>
/// HTML to plain text over MimeKit's tokenizer (so entities are decoded the way browsers do): the content of
/// script, style, head and similar elements is dropped, block elements become line breaks, a web or mail link keeps
/// its target after its text; nothing else of the markup stays.
/// </summary>
internal static class HtmlToPlainText
{
    /// <summary>Link targets longer than this are not shown (tracking redirects run to thousands of characters).</summary>
    private const int MaxTargetChars = 300;

    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "template", "noscript", "object", "svg", "math", "xml",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "tr", "table", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "nav", "aside",
        "address", "form", "fieldset", "figure", "figcaption", "main", "body", "html", "center",
    };

    /// <summary>The text of <paramref name="html"/>, stopping once <paramref name="maxChars"/> are written.</summary>
    public static string Convert(string html, int maxChars)
    {
        var output = new StringBuilder(Math.Min(html.Length, maxChars) / 2);
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var hiddenDepth = 0;
        var preDepth = 0;
        Link? link = null;
        while (output.Length <= maxChars && tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag:
                    var name = tag.Name;
                    if (Hidden.Contains(name))
                    {
                        if (tag.IsEmptyElement)
                        {
                            break;
                        }

                        hiddenDepth = tag.IsEndTag ? Math.Max(0, hiddenDepth - 1) : hiddenDepth + 1;
                        break;
                    }

                    if (string.Equals(name, "pre", StringComparison.OrdinalIgnoreCase) && !tag.IsEmptyElement)
                    {
                        preDepth = tag.IsEndTag ? Math.Max(0, preDepth - 1) : preDepth + 1;
                    }

                    if (hiddenDepth > 0)
                    {
                        break;
                    }

                    if (Blocks.Contains(name))
                    {
                        output.Append('\n');
                        if (!tag.IsEndTag && string.Equals(name, "p", StringComparison.OrdinalIgnoreCase))
                        {
                            output.Append('\n');
                        }
                    }
                    else if (string.Equals(name, "li", StringComparison.OrdinalIgnoreCase))
                    {
                        // Only the start: a line break at the end too would put an empty line between items.
                        if (!tag.IsEndTag)
                        {
                            output.Append("\n- ");
                        }
                    }
                    else if (string.Equals(name, "a", StringComparison.OrdinalIgnoreCase))
                    {
                        if (!tag.IsEndTag)
                        {
                            link = Target(tag) is { } target ? new Link(target, output.Length) : null;
                        }
                        else if (link is { } open)
                        {
                            AppendTarget(output, open);
                            link = null;
                        }
                    }
                    else if (name is "td" or "th" or "TD" or "TH")
                    {
                        output.Append(' ');
                    }

                    break;
                case HtmlDataToken data when token.Kind == HtmlTokenKind.Data && hiddenDepth == 0:
                    AppendData(output, data.Data, preDepth > 0);
                    break;
                default:
                    // Script data, comments, CDATA and doctypes are never text.
                    break;
            }
        }

        return output.Length > maxChars ? output.ToString(0, maxChars) : output.ToString();
    }

    /// <summary>Where a link goes, when that is worth showing: web and mail addresses only, not scripts or anchors.</summary>
    private static string? Target(HtmlTagToken tag)
    {
        var href = tag.Attributes.FirstOrDefault(a => a.Id == HtmlAttributeId.Href)?.Value?.Trim();
        if (string.IsNullOrEmpty(href) || href.Length > MaxTargetChars || href.Any(char.IsControl))
        {
            return null;
        }

        if (href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            var address = href[7..];
            var query = address.IndexOf('?');
            address = Uri.UnescapeDataString(query >= 0 ? address[..query] : address).Trim();
            return address.Length == 0 || address.Any(char.IsControl) ? null : address;
        }

        return href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? href
            : null;
    }

    /// <summary>
    /// A person reading "see the procedure" in a ticket needs to know where it points, so the target follows the link
    /// text in parentheses, unless the text already shows it or there is no text (an image, a tracking link).
    /// </summary>
    private static void AppendTarget(StringBuilder output, Link link)
    {
        if (link.Start > output.Length)
        {
            return;
        }

        var text = output.ToString(link.Start, output.Length - link.Start).Trim();
        if (text.Length == 0 || text.Contains(link.Target, StringComparison.OrdinalIgnoreCase)
            || link.Target.Contains(text, StringComparison.OrdinalIgnoreCase) && text.Contains('.'))
        {
            return;
        }

        output.Append(" (").Append(link.Target).Append(')');
    }

    private static void AppendData(StringBuilder output, string data, bool preformatted)
    {
        if (preformatted)
        {
            output.Append(data);
            return;
        }

        // Outside <pre>, HTML whitespace (line breaks included) is one space.
        var lastWasSpace = output.Length > 0 && char.IsWhiteSpace(output[^1]);
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                if (!lastWasSpace)
                {
                    output.Append(' ');
                    lastWasSpace = true;
                }
            }
            else
            {
                output.Append(c);
                lastWasSpace = false;
            }
        }
    }

    private readonly record struct Link(string Target, int Start);
}
