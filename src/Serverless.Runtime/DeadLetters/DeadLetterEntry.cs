using System.Text;

namespace Serverless.Runtime.DeadLetters;

/// <summary>One entry of the dead-letter list: a failed instance (with its step and reason) or a channel message
/// nobody consumed, newest first.</summary>
public sealed record DeadLetterEntry(
    string Kind,
    string Id,
    string? WorkflowId,
    string? FailedStep,
    string? ErrorKind,
    string? Reason,
    DateTimeOffset At,
    string? Channel)
{
    public const string InstanceKind = "instance";
    public const string MessageKind = "message";

    public bool IsInstance => Kind == InstanceKind;
}

public sealed record DeadLetterEntries(IReadOnlyList<DeadLetterEntry> Items, string? ContinuationToken);

/// <summary>Keyset position after the last entry of a page: its time and id, opaque to callers.</summary>
internal sealed record DeadLetterCursor(long AtMs, string Id)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AtMs}|{Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static DeadLetterCursor Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return new DeadLetterCursor(long.Parse(text[..bar], System.Globalization.CultureInfo.InvariantCulture), text[(bar + 1)..]);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new ArgumentException("The continuation token is not one this list issued.", nameof(token), ex);
        }
    }
}
