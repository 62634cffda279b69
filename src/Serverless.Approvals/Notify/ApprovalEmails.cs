using Serverless.Connectors.Email;

namespace Serverless.Approvals.Notify;

/// <summary>Builds the approval request email for one approver: HTML and plain-text parts from the language's
/// templates, a preview of the item, and the three signed links.</summary>
public static class ApprovalEmails
{
    public static EmailMessage Build(ApprovalRequest request, string approver, ApprovalTexts texts, IReadOnlyList<(string Decision, string Url)> links)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(links);
        var reminder = request.Reminder > 0 ? texts.Reminder(request.Reminder) : null;
        var subject = reminder is null ? request.Subject : $"{reminder} : {request.Subject}";
        var deadline = request.DeadlineAt is { } d ? $"{texts.Deadline} : {texts.Time(d)}" : null;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["subject"] = request.Subject,
            ["body"] = request.Body,
            ["group"] = request.Group,
            ["workflowId"] = request.WorkflowId,
            ["instanceId"] = request.InstanceId,
            ["approveUrl"] = links[0].Url,
            ["rejectUrl"] = links[1].Url,
            ["changesUrl"] = links[2].Url,
        };
        var html = new Dictionary<string, string?>(values, StringComparer.Ordinal)
        {
            ["reminderBanner"] = reminder is null ? "" :
                $"<p style=\"background:#fff8c5;padding:8px 12px;border-radius:4px;font-weight:600\">{HtmlText.Encode(reminder)}</p>",
            ["itemHtml"] = ItemPreview.Html(request.Item, texts.NoPreview),
            ["deadlineLine"] = deadline is null ? "" : $"<p style=\"color:#9a6700\">{HtmlText.Encode(deadline)}</p>",
        };
        var text = new Dictionary<string, string?>(values, StringComparer.Ordinal)
        {
            ["reminderBanner"] = reminder is null ? "" : $"[{reminder}] ",
            ["itemText"] = ItemPreview.Text(request.Item, texts.NoPreview),
            ["deadlineLine"] = deadline is null ? "" : deadline + "\n",
        };
        return new EmailMessage([approver], subject,
            EmailTemplates.Render($"approval-request-{texts.Language}.txt", text),
            EmailTemplates.Render($"approval-request-{texts.Language}.html", html));
    }
}
