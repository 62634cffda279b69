using System.Text;
using Serverless.Approvals.Decisions;
using Serverless.Approvals.Tokens;

namespace Serverless.Approvals.Links;

/// <summary>The small HTML pages of the link flow: confirmation form, outcome, expired, invalid. No script, no
/// external resource; everything shown is HTML-encoded.</summary>
internal static class ApprovalPage
{
    public static string Confirm(ApprovalTexts t, DecisionToken token, OpenGate gate, string tokenText)
    {
        var action = t.Action(token.Decision);
        var body = new StringBuilder()
            .Append("<h1>").Append(E(gate.Subject ?? t.PageTitle)).Append("</h1>");
        if (!string.IsNullOrWhiteSpace(gate.Body))
        {
            body.Append("<p class=\"body\">").Append(E(gate.Body)).Append("</p>");
        }

        body.Append(ItemPreview.Html(gate.Item, t.NoPreview));
        if (gate.DeadlineAt is { } deadline)
        {
            body.Append("<p class=\"deadline\">").Append(E(t.Deadline)).Append(" : ").Append(E(t.Time(deadline))).Append("</p>");
        }

        body.Append("<form method=\"post\">")
            .Append("<input type=\"hidden\" name=\"token\" value=\"").Append(E(tokenText)).Append("\">")
            .Append("<p>").Append(E(t.YouAreAbout)).Append(" <strong class=\"decision\">").Append(E(action)).Append("</strong></p>")
            .Append("<label for=\"comment\">").Append(E(t.CommentLabel)).Append("</label><br>")
            .Append("<textarea id=\"comment\" name=\"comment\" rows=\"4\" cols=\"60\" maxlength=\"2000\"></textarea><br>")
            .Append("<button type=\"submit\">").Append(E(string.Format(t.Culture, t.ConfirmFormat, action))).Append("</button>")
            .Append("</form>");
        return Layout(t, t.PageTitle, body.ToString());
    }

    public static string Outcome(ApprovalTexts t, string headline, OpenGate? gate, GateDecision? outcome)
    {
        var body = new StringBuilder().Append("<h1>").Append(E(headline)).Append("</h1>");
        if (gate?.Subject is { } subject)
        {
            body.Append("<p>").Append(E(subject)).Append("</p>");
        }

        if (outcome is not null)
        {
            body.Append("<p class=\"outcome\">").Append(E(t.DecidedBy(outcome.Decision, outcome.DecidedBy, outcome.DecidedAt))).Append("</p>");
            if (!string.IsNullOrWhiteSpace(outcome.Comment))
            {
                body.Append("<blockquote>").Append(E(outcome.Comment)).Append("</blockquote>");
            }
        }

        return Layout(t, headline, body.ToString());
    }

    public static string Message(ApprovalTexts t, string message) => Layout(t, message, $"<h1>{E(message)}</h1>");

    private static string Layout(ApprovalTexts t, string title, string body) =>
        $"""
        <!doctype html>
        <html lang="{t.Language}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow"><title>{E(title)}</title>
        <style>body{"{"}font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222{"}"}
        button{"{"}font-size:1rem;padding:.6rem 1.2rem;margin-top:.8rem{"}"}th,td{"{"}border-bottom:1px solid #eee{"}"}</style></head>
        <body>{body}</body>
        </html>
        """;

    private static string E(string? s) => HtmlText.Encode(s);
}
