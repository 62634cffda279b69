using MimeKit;

namespace Serverless.Mail.Screening;

public sealed partial class MessageScreen
{
    private const int MaxFailedRecipients = 100;

    private static ScreenVerdict? Bounce(MimeMessage message)
    {
        if (message.Body is MultipartReport report)
        {
            var type = report.ReportType?.Trim().ToLowerInvariant();
            if (type == "delivery-status")
            {
                return Verdict(ScreenOutcome.Bounce,
                    "Content-Type is multipart/report; report-type=delivery-status (a delivery status notification).",
                    FailedInReport(report));
            }

            if (type == "disposition-notification")
            {
                return Verdict(ScreenOutcome.AutoReply,
                    "Content-Type is multipart/report; report-type=disposition-notification (a read receipt).");
            }
        }

        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        var local = from.Contains('@') ? from[..from.IndexOf('@')] : from;
        var isDaemon = local.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase)
            || local.Equals("postmaster", StringComparison.OrdinalIgnoreCase);
        var returnPath = message.Headers[HeaderId.ReturnPath]?.Trim();
        if (isDaemon && returnPath is "" or "<>")
        {
            return Verdict(ScreenOutcome.Bounce,
                $"From is {local.ToUpperInvariant()} and Return-Path is empty (a bounce in the classic form).",
                FailedInHeader(message));
        }

        if (message.Headers.Contains("X-Failed-Recipients"))
        {
            return Verdict(ScreenOutcome.Bounce, "Header X-Failed-Recipients is present (a bounce).", FailedInHeader(message));
        }

        return null;
    }

    /// <summary>Final-Recipient (else Original-Recipient) of each per-recipient group whose Action is failed.</summary>
    private static IReadOnlyList<string> FailedInReport(MultipartReport report)
    {
        var failed = new List<string>();
        foreach (var status in report.OfType<MessageDeliveryStatus>())
        {
            var groups = status.StatusGroups;
            for (var i = 1; i < groups.Count && failed.Count < MaxFailedRecipients; i++)
            {
                var action = groups[i]["Action"]?.Trim();
                if (action is null || !action.StartsWith("failed", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var recipient = RecipientAddress(groups[i]["Final-Recipient"] ?? groups[i]["Original-Recipient"]);
                if (recipient is not null && !failed.Contains(recipient))
                {
                    failed.Add(recipient);
                }
            }
        }

        return failed;
    }

    private static IReadOnlyList<string> FailedInHeader(MimeMessage message) =>
        (message.Headers["X-Failed-Recipients"] ?? "")
            .Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(RecipientAddress)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Take(MaxFailedRecipients)
            .ToList();

    /// <summary>"rfc822; Someone@Example.com" → "someone@example.com".</summary>
    private static string? RecipientAddress(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return null;
        }

        var semicolon = field.IndexOf(';');
        var address = (semicolon >= 0 ? field[(semicolon + 1)..] : field).Trim().Trim('<', '>').Trim();
        return address.Length is 0 or > 320 ? null : address.ToLowerInvariant();
    }
}
