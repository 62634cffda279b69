namespace Serverless.Connectors.Email;

/// <summary>An email to send. With both bodies it goes out as multipart/alternative (plain text first, HTML preferred
/// by clients that can show it); with one body, as that body alone.</summary>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string? TextBody, string? HtmlBody)
{
    public string? ReplyTo { get; init; }

    /// <summary>Extra headers (the email agent marks its own mail with X-Serverless-Agent and Auto-Submitted).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
