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

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
