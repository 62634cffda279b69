namespace Serverless.Mail.Parsing;

/// <summary>Thrown by <see cref="EmailParser.Load"/> for a stream that is not a MIME message at all; callers record it.</summary>
public sealed class UnreadableMessageException : FormatException
{
    public UnreadableMessageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
