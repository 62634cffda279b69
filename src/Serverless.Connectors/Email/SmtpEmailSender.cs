using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.Email;

/// <summary>The real email connector over SMTP (MailKit). One connection per message: the MailKit client is not safe
/// for concurrent sends, and a workflow step sends one message. Retries belong to the workflow's step policy; the
/// failure kinds say which failures to retry.</summary>
public sealed class SmtpEmailSender(IOptionsMonitor<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task<EmailReceipt> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.CurrentValue;
        var messageId = MailMessages.NewMessageId(o.From);
        using var mail = MailMessages.Build(message, o, messageId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.Timeout);
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, SocketOptions(o.Security), timeout.Token);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password ?? "", timeout.Token);
            }

            await client.SendAsync(mail, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ActivityException(ErrorKinds.Timeout, $"SMTP server {o.Host}:{o.Port} did not answer within {o.Timeout.TotalSeconds:0} s.", null, e);
        }
        catch (Exception e) when (SmtpFailures.Classify(e, o) is { } failure)
        {
            throw new ActivityException(failure.Kind, failure.Message, null, e);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Email {MessageId} sent to {Count} recipient(s)", messageId, message.To.Count);
        }

        return new EmailReceipt($"<{messageId}>");
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };
}

/// <summary>What a MailKit failure means for the workflow: which <see cref="ErrorKinds"/> (a retry or not) and a
/// message that names the server, never the password.</summary>
internal static class SmtpFailures
{
    public static (string Kind, string Message)? Classify(Exception e, SmtpOptions o)
    {
        var server = $"{o.Host}:{o.Port}";
        return e switch
        {
            SmtpCommandException c when c.ErrorCode == SmtpErrorCode.RecipientNotAccepted =>
                (Temporary(c.StatusCode) ? ErrorKinds.Transient : ErrorKinds.Validation,
                    $"SMTP server {server} refused the recipient {c.Mailbox} ({(int)c.StatusCode}): {c.Message}"),
            SmtpCommandException c when c.ErrorCode == SmtpErrorCode.SenderNotAccepted =>
                (Temporary(c.StatusCode) ? ErrorKinds.Transient : ErrorKinds.Validation,
                    $"SMTP server {server} refused the sender {o.From} ({(int)c.StatusCode}): {c.Message}"),
            SmtpCommandException c =>
                (Temporary(c.StatusCode) ? ErrorKinds.Transient : ErrorKinds.Permanent,
                    $"SMTP send through {server} failed ({(int)c.StatusCode}): {c.Message}"),
            AuthenticationException => (ErrorKinds.Unauthorized, $"SMTP server {server} refused the login of {o.UserName}."),
            SslHandshakeException => (ErrorKinds.Permanent, $"TLS with SMTP server {server} failed: {e.Message}"),
            NotSupportedException when o.Security == SmtpSecurity.StartTls =>
                (ErrorKinds.Permanent, $"SMTP server {server} does not offer STARTTLS ({SmtpOptions.SectionName}:Security = StartTls): {e.Message}"),
            SmtpProtocolException or SocketException or IOException or ServiceNotConnectedException =>
                (ErrorKinds.Transient, $"SMTP connection to {server} failed: {e.Message}"),
            _ => null,
        };
    }

    private static bool Temporary(SmtpStatusCode code) => (int)code is >= 400 and < 500;
}
