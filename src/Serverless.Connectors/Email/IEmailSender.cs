namespace Serverless.Connectors.Email;

/// <summary>Sends email. Get one from IConnectorProvider&lt;IEmailSender&gt;. Failures are ActivityExceptions
/// (Transient for a busy or unreachable server, Validation for refused recipients, Unauthorized for refused logins).</summary>
public interface IEmailSender
{
    Task<EmailReceipt> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
