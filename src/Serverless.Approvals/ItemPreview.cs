using System.Text;
using System.Text.Json.Nodes;

namespace Serverless.Approvals;

/// <summary>Shows the item being approved the same way on every surface: an object as label/value rows (nested
/// values as compact JSON), anything else as one value; long values are cut.</summary>
public static class ItemPreview
{
    public const int MaxValueLength = 500;
    public const int MaxRows = 20;

    public static IReadOnlyList<(string Label, string Value)> Rows(JsonNode? item) => item switch
    {
        null => [],
        JsonObject obj => obj.Take(MaxRows).Select(p => (p.Key, Cut(Value(p.Value)))).ToList(),
        _ => [("", Cut(Value(item)))],
    };

    public static string Html(JsonNode? item, string empty)
    {
        var rows = Rows(item);
        if (rows.Count == 0)
        {
            return $"<p>{HtmlText.Encode(empty)}</p>";
        }

        var html = new StringBuilder("<table class=\"item\" role=\"presentation\" cellpadding=\"6\" style=\"border-collapse:collapse\">");
        foreach (var (label, value) in rows)
        {
            html.Append("<tr><th align=\"left\" valign=\"top\" style=\"color:#555;font-weight:600\">").Append(HtmlText.Encode(label))
                .Append("</th><td style=\"white-space:pre-wrap\">").Append(HtmlText.Encode(value)).Append("</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    public static string Text(JsonNode? item, string empty)
    {
        var rows = Rows(item);
        return rows.Count == 0 ? empty : string.Join('\n', rows.Select(r => r.Label.Length == 0 ? r.Value : $"{r.Label}: {r.Value}"));
    }

    private static string Value(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static string Cut(string s) => s.Length <= MaxValueLength ? s : s[..MaxValueLength] + "…";
}
