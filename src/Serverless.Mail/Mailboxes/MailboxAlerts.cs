using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Alerts;
using Serverless.Connectors.Email;
using Serverless.Connectors.Selection;
using Serverless.Runtime.Abstractions;
using Serverless.Storage.Tables;

namespace Serverless.Mail.Mailboxes;

/// <summary>One admin alert when a mailbox has been failing for longer than Mail:AlertAfter, and one more when it
/// recovers, across every host and worker polling it: when the failure started and whether the alert went out are a
/// row in the shared table store (table mailcheckpoints, partition "failing"), claimed by a conditional write. The
/// alert goes to Connectors:Alerts:AdminRecipients; without any it is only logged. Never throws.</summary>
public sealed partial class MailboxAlerts(
    ITableStore tables,
    IConnectorProvider<IEmailSender> email,
    IOptionsMonitor<AlertOptions> alertOptions,
    IOptionsMonitor<MailOptions> mailOptions,
    ILogger<MailboxAlerts> logger)
{
    private const string Partition = "failing";

    private sealed record FailingState(DateTimeOffset Since, DateTimeOffset? AlertedAt, string LastError);

    /// <summary>Records a failed poll; sends the alert if this failure is the one that crosses Mail:AlertAfter.
    /// Returns the time the mailbox started failing, as all hosts see it.</summary>
    public async Task<DateTimeOffset> FailedAsync(string mailbox, DateTimeOffset at, string error, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var row = await tables.GetAsync(MailNames.CheckpointTable, Partition, mailbox, cancellationToken);
                if (row is null)
                {
                    var first = new FailingState(at, null, error);
                    if (await tables.TryInsertAsync(MailNames.CheckpointTable, new TableRow(Partition, mailbox, JsonSerializer.Serialize(first)), cancellationToken))
                    {
                        return at;
                    }

                    continue;
                }

                var state = JsonSerializer.Deserialize<FailingState>(row.Value)!;
                var due = state.AlertedAt is null && at - state.Since >= mailOptions.CurrentValue.AlertAfter;
                var next = state with { LastError = error, AlertedAt = due ? at : state.AlertedAt };
                if (await tables.TryReplaceAsync(MailNames.CheckpointTable, row with { Value = JsonSerializer.Serialize(next) }, row.ETag!, cancellationToken) is null)
                {
                    continue;
                }

                if (due)
                {
                    await SendAsync(mailbox, $"Mailbox {mailbox} has been failing since {Format(state.Since)}",
                        $"""
                        The mailbox '{mailbox}' has not been read since {Format(state.Since)}: every poll fails.
                        Last error: {error}

                        No new mail from it becomes a ticket until this is fixed. Its state is at GET /api/mail/mailboxes
                        and in GET /api/health ("mailboxes"). You will get one more message when it recovers.
                        """, at, cancellationToken);
                }

                return state.Since;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AlertStoreFailed(logger, mailbox, e.GetType().Name, e.Message);
        }

        return at;
    }

    /// <summary>Records a successful poll: clears the failure, and tells the admins if they had been alerted.</summary>
    public async Task SucceededAsync(string mailbox, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            var row = await tables.GetAsync(MailNames.CheckpointTable, Partition, mailbox, cancellationToken);
            if (row is null || !await tables.DeleteAsync(MailNames.CheckpointTable, Partition, mailbox, cancellationToken))
            {
                return;
            }

            var state = JsonSerializer.Deserialize<FailingState>(row.Value)!;
            if (state.AlertedAt is not null)
            {
                await SendAsync(mailbox, $"Mailbox {mailbox} is read again",
                    $"The mailbox '{mailbox}' failed from {Format(state.Since)} to {Format(at)} and is read again; the mail that arrived meanwhile is being processed.",
                    at, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AlertStoreFailed(logger, mailbox, e.GetType().Name, e.Message);
        }
    }

    private async Task SendAsync(string mailbox, string subject, string body, DateTimeOffset at, CancellationToken cancellationToken)
    {
        AlertRaised(logger, mailbox, subject);
        var recipients = alertOptions.CurrentValue.AdminRecipients.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        if (recipients.Count == 0)
        {
            NoRecipients(logger, mailbox, $"{AlertOptions.SectionName}:AdminRecipients");
            return;
        }

        var key = $"mailbox-alert:{mailbox}:{at.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        var context = new ActivityContext("mailbox-alerts", "mailbox-alerts", $"mailbox-alert:{mailbox}", key, 1, null, DryRun: false);
        try
        {
            await email.For(context).SendAsync(new EmailMessage(recipients, subject, body, null)
            {
                Headers = new Dictionary<string, string> { [Screening.MessageScreen.AgentHeader] = "1" },
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AlertSendFailed(logger, mailbox, e.GetType().Name, e.Message);
        }
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Mailbox {Mailbox}: {Alert}; alerting the administrators")]
    private static partial void AlertRaised(ILogger logger, string mailbox, string alert);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: no {Setting} configured, the alert is only logged")]
    private static partial void NoRecipients(ILogger logger, string mailbox, string setting);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Mailbox {Mailbox}: the alert could not be sent: {ErrorType}: {Error}")]
    private static partial void AlertSendFailed(ILogger logger, string mailbox, string errorType, string error);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: the shared failure record is unavailable: {ErrorType}: {Error}")]
    private static partial void AlertStoreFailed(ILogger logger, string mailbox, string errorType, string error);
}
