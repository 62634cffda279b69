using System.Text.Json.Nodes;
using Serverless.Approvals.Notify;
using Serverless.Engine.Definitions;

namespace Serverless.Approvals.Slack;

/// <summary>Block Kit layouts: the approval request with its three buttons (each carrying a signed token as value),
/// and the same message once decided, buttons replaced by who decided and when.</summary>
public static class SlackBlocks
{
    public const string ActionsBlockId = "approval_actions";
    public const string ActionPrefix = "approval_";
    private const int MaxFields = 10;

    public static string ActionId(string decision) => ActionPrefix + decision;

    public static JsonArray Request(ApprovalRequest request, ApprovalTexts texts, Func<string, string> tokenFor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(tokenFor);
        var title = request.Reminder > 0 ? $"{texts.Reminder(request.Reminder)} : {request.Subject}" : request.Subject;
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(Cut(title, 150)) },
        };
        if (!string.IsNullOrWhiteSpace(request.Body))
        {
            blocks.Add(Section(Escape(Cut(request.Body, 3000))));
        }

        var rows = ItemPreview.Rows(request.Item).Take(MaxFields).ToList();
        if (rows.Count > 0)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray(rows.Select(r => (JsonNode?)Markdown(Cut(
                    r.Label.Length == 0 ? Escape(r.Value) : $"*{Escape(r.Label)}*\n{Escape(r.Value)}", 2000))).ToArray()),
            });
        }

        var context = $"{Escape(request.Group)} · {Escape(request.WorkflowId)}";
        if (request.DeadlineAt is { } deadline)
        {
            context += $" · {texts.Deadline} : {texts.Time(deadline)}";
        }

        blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Markdown(context)) });
        blocks.Add(new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = ActionsBlockId,
            ["elements"] = new JsonArray(ApprovalDecisions.Human.Select(d => (JsonNode?)Button(d, texts, tokenFor(d))).ToArray()),
        });
        return blocks;
    }

    /// <summary>The original blocks without their buttons, plus one line with the outcome.</summary>
    public static JsonArray Decided(JsonArray? original, string outcomeLine)
    {
        var blocks = new JsonArray();
        foreach (var block in original ?? [])
        {
            if (block?["type"]?.GetValue<string>() != "actions")
            {
                blocks.Add(block?.DeepClone());
            }
        }

        blocks.Add(Section(outcomeLine));
        return blocks;
    }

    /// <summary>Slack's three control characters in mrkdwn text.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static JsonObject Button(string decision, ApprovalTexts texts, string token)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = ActionId(decision),
            ["text"] = PlainText(texts.Action(decision)),
            ["value"] = token,
        };
        if (decision == ApprovalDecisions.Approved)
        {
            button["style"] = "primary";
        }
        else if (decision == ApprovalDecisions.Rejected)
        {
            button["style"] = "danger";
        }

        return button;
    }

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Markdown(mrkdwn) };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
