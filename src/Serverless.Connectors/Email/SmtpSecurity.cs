namespace Serverless.Connectors.Email;

/// <summary>How the SMTP connection is protected. System.Net.Mail speaks STARTTLS only (port 587/25), not implicit
/// TLS (port 465).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a server on the same machine or network (tests, a local relay).</summary>
    None,

    /// <summary>Upgrade with STARTTLS before sending credentials or mail.</summary>
    StartTls,
}
