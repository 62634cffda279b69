namespace Serverless.Mail.Parsing;

/// <summary>What <see cref="EmailParser.Parse"/> understood of one message; plain data, no MIME objects.</summary>
public sealed record ParsedEmail
{
    /// <summary>Message-ID without angle brackets, trimmed, lower case; null when the message has none.</summary>
    public string? MessageId { get; init; }

    public string SenderName { get; init; } = "";

    /// <summary>From, else Sender, else Reply-To; lower case; "" when none of them holds an address.</summary>
    public string SenderAddress { get; init; } = "";

    public IReadOnlyList<string> To { get; init; } = [];

    public IReadOnlyList<string> Cc { get; init; } = [];

    public DateTimeOffset? Date { get; init; }

    /// <summary>Decoded subject, on one line; "" when missing.</summary>
    public string Subject { get; init; } = "";

    /// <summary>The text/plain body if any, else the HTML body as text; forwarded messages follow after a separator line.</summary>
    public string Text { get; init; } = "";

    /// <summary>The HTML body as clean text, when the message had HTML.</summary>
    public string? HtmlText { get; init; }

    /// <summary>Charsets declared by the text parts, lower case, distinct.</summary>
    public IReadOnlyList<string> Charsets { get; init; } = [];

    public IReadOnlyList<ParsedAttachment> Attachments { get; init; } = [];

    public string? InReplyTo { get; init; }

    /// <summary>References in header order (oldest first), normalised like <see cref="MessageId"/>.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>What could not be read, as sentences; never any of the message's content.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}

/// <summary>
/// One attachment. <paramref name="PartIndex"/> is the part's position in the parser's depth-first walk of the message;
/// <see cref="EmailParser.OpenAttachment"/> uses it to find the content again.
/// </summary>
public sealed record ParsedAttachment(string FileName, string ContentType, long Size, bool Refused, string? RefusedReason, int PartIndex);
