namespace Serverless.Mail.Mailboxes;

/// <summary>Settings section "Mail": the mailboxes to watch and how they are polled.</summary>
public sealed class MailOptions
{
    /// <summary>Mailboxes by name (Mail:Mailboxes:support:Host, ...); the name is what a workflow's mailbox trigger names.</summary>
    public Dictionary<string, MailboxOptions> Mailboxes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Time between two polls of a healthy mailbox (the seed's 60 seconds).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Between two polls, wait with IMAP IDLE where the server offers it, so that new mail is read at once (the
    /// embedded host; the Functions app's timer polls only).</summary>
    public bool UseIdle { get; set; } = true;

    /// <summary>Messages handed on per poll at most; the rest wait for the next poll, oldest first.</summary>
    public int MaxMessagesPerPoll { get; set; } = 200;

    /// <summary>Longest wait between two attempts of a failing mailbox (the backoff doubles from 2 s up to this).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A mailbox failing for longer than this raises one admin alert (and one more once it recovers).</summary>
    public TimeSpan AlertAfter { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>One IMAP mailbox.</summary>
public sealed class MailboxOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    /// <summary>SslOnConnect (993), StartTls (143 upgraded), StartTlsWhenAvailable, or None (local test servers only).</summary>
    public MailboxSecurity Security { get; set; } = MailboxSecurity.SslOnConnect;

    public string? User { get; set; }

    /// <summary>Password authentication; a secret, never logged.</summary>
    public string? Password { get; set; }

    /// <summary>XOAUTH2 authentication with this access token instead of a password (Gmail, Microsoft 365).</summary>
    public string? OAuth2AccessToken { get; set; }

    /// <summary>XOAUTH2 with tokens fetched (and renewed) from an OAuth2 token endpoint instead of a static token.</summary>
    public MailboxOAuth2Options? OAuth2 { get; set; }

    public string Folder { get; set; } = "INBOX";

    /// <summary>Only messages whose sender address contains one of these (case-insensitive); empty: every sender.</summary>
    public List<string> FromContains { get; set; } = [];

    /// <summary>Only messages whose subject contains one of these; empty: every subject.</summary>
    public List<string> SubjectContains { get; set; } = [];

    /// <summary>Only messages whose subject or text contains one of these words; empty: no keyword filter.</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>What is done on the server once a message was handed on: MarkSeen, Move (to <see cref="MoveTo"/>) or None.</summary>
    public AfterProcessing AfterProcessing { get; set; } = AfterProcessing.MarkSeen;

    public string? MoveTo { get; set; }
}

public enum MailboxSecurity
{
    SslOnConnect,
    StartTls,
    StartTlsWhenAvailable,
    None,
}

public enum AfterProcessing
{
    MarkSeen,
    Move,
    None,
}
