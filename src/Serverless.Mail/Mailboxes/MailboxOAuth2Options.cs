namespace Serverless.Mail.Mailboxes;

/// <summary>An OAuth2 token source for XOAUTH2 (Mail:Mailboxes:{name}:OAuth2:...): the access token is fetched from
/// <see cref="TokenUrl"/> and renewed before it expires. With <see cref="RefreshToken"/> the refresh-token grant
/// (Gmail: https://oauth2.googleapis.com/token), without it the client-credentials grant (Microsoft 365:
/// https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token, scope https://outlook.office365.com/.default).</summary>
public sealed class MailboxOAuth2Options
{
    public string? TokenUrl { get; set; }

    public string? ClientId { get; set; }

    /// <summary>A secret, never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A secret, never logged.</summary>
    public string? RefreshToken { get; set; }

    public string? Scope { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(TokenUrl);
}
