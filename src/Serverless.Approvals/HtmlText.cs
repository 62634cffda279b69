using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Serverless.Approvals;

/// <summary>HTML-encodes only what HTML needs (&lt; &gt; &amp; quotes...): pages and emails are UTF-8, so accented
/// French text stays readable in the source instead of becoming numeric entities.</summary>
internal static class HtmlText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? value) => value is null ? "" : Encoder.Encode(value);
}
