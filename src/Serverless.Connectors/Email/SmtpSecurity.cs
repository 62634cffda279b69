namespace Serverless.Connectors.Email;

/// <summary>How the SMTP connection is protected (MailKit's SecureSocketOptions, named for the setting).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a server on the same machine or network (tests, a local relay).</summary>
    None,

    /// <summary>Upgrade with STARTTLS before sending credentials or mail, and refuse a server that does not offer it
    /// (port 587 or 25).</summary>
    StartTls,

    /// <summary>Implicit TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>Implicit TLS on port 465, STARTTLS where the server offers it elsewhere, plain text otherwise.</summary>
    Auto,
}
