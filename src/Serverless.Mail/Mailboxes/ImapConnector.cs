using MailKit.Net.Imap;
using MailKit.Security;

namespace Serverless.Mail.Mailboxes;

/// <summary>Opens an authenticated IMAP session to a mailbox with MailKit: the TLS mode, then password or XOAUTH2
/// (a static token or one from the mailbox's OAuth2 token source, <see cref="MailboxTokens"/>).
/// Host, user and one credential are guaranteed by <see cref="MailOptionsValidator"/> at start.</summary>
internal static class ImapConnector
{
    public static async Task<ImapClient> ConnectAsync(string mailbox, MailboxOptions options, MailboxTokens tokens, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new ImapClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, Security(options.Security), cancellationToken);
            if (await tokens.AccessTokenAsync(mailbox, options, cancellationToken) is { } token)
            {
                try
                {
                    await client.AuthenticateAsync(new SaslMechanismOAuth2(options.User!, token), cancellationToken);
                }
                catch (AuthenticationException)
                {
                    tokens.Invalidate(mailbox);
                    throw;
                }
            }
            else
            {
                await client.AuthenticateAsync(options.User!, options.Password!, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions Security(MailboxSecurity security) => security switch
    {
        MailboxSecurity.StartTls => SecureSocketOptions.StartTls,
        MailboxSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        MailboxSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.SslOnConnect,
    };
}
