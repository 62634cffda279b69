namespace Serverless.Connectors.Email;

/// <summary>SMTP settings, bound from "Connectors:Smtp". No Host: the sandbox records the email instead.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Connectors:Smtp";
    public const string ConnectorName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Login; empty sends without authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>Secret.</summary>
    public string? Password { get; set; }

    /// <summary>Sender address; required with Host.</summary>
    public string? From { get; set; }

    public string? FromName { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The Auto-Submitted header (RFC 3834) on every message; "auto-generated" by default, so that
    /// out-of-office responders and other agents do not answer the notifications. Empty leaves it off.</summary>
    public string? AutoSubmitted { get; set; } = "auto-generated";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
