using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Email;

/// <summary>The real email connector over SMTP (System.Net.Mail). One SmtpClient per message: SmtpClient is not
/// safe for concurrent sends. Retries belong to the workflow's step policy (the failure kinds say which to retry).</summary>
public sealed class SmtpEmailSender(IOptionsMonitor<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task<EmailReceipt> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.CurrentValue;
        var messageId = MailMessages.NewMessageId(o.From);
        using var mail = MailMessages.Build(message, o, messageId);
        using var client = new SmtpClient(o.Host, o.Port)
        {
            EnableSsl = o.Security == SmtpSecurity.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            UseDefaultCredentials = false,
        };
        if (!string.IsNullOrEmpty(o.UserName))
        {
            client.Credentials = new NetworkCredential(o.UserName, o.Password);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.Timeout);
        try
        {
            await client.SendMailAsync(mail, timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ActivityException(ErrorKinds.Timeout, $"SMTP server {o.Host}:{o.Port} did not answer within {o.Timeout.TotalSeconds:0} s.", null, e);
        }
        catch (SmtpFailedRecipientException e)
        {
            throw new ActivityException(IsTemporary(e.StatusCode) ? ErrorKinds.Transient : ErrorKinds.Validation,
                $"SMTP server refused a recipient ({(int)e.StatusCode}): {e.Message}", null, e);
        }
        catch (SmtpException e)
        {
            throw new ActivityException(KindOf(e), $"SMTP send through {o.Host}:{o.Port} failed ({(int)e.StatusCode}): {e.Message}", null, e);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Email {MessageId} sent to {Count} recipient(s)", messageId, message.To.Count);
        }

        return new EmailReceipt(messageId);
    }

    private static bool IsTemporary(SmtpStatusCode code) => (int)code is >= 400 and < 500 || code == SmtpStatusCode.GeneralFailure;

    private static string KindOf(SmtpException e) => e.StatusCode switch
    {
        SmtpStatusCode.ClientNotPermitted or SmtpStatusCode.MustIssueStartTlsFirst => ErrorKinds.Unauthorized,
        _ when e.Message.Contains("authentication", StringComparison.OrdinalIgnoreCase) => ErrorKinds.Unauthorized,
        _ when IsTemporary(e.StatusCode) => ErrorKinds.Transient,
        _ => ErrorKinds.Permanent,
    };
}
