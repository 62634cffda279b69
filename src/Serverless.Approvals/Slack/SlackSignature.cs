using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Serverless.Approvals.Slack;

/// <summary>Slack's request signing: X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signing secret,
/// "v0:" + X-Slack-Request-Timestamp + ":" + raw body)); requests older (or newer) than five minutes are refused.</summary>
public static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static string Compute(string signingSecret, string timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(signingSecret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Null when the request is authentic and fresh; otherwise why not.</summary>
    public static string? Problem(string? signingSecret, string? timestamp, string? signature, string body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signingSecret))
        {
            return "Approvals:Slack:SigningSecret is not set";
        }

        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "missing signature headers";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253_402_300_799))).Duration() > MaxAge)
        {
            return "request timestamp is more than five minutes away";
        }

        var expected = Encoding.ASCII.GetBytes(Compute(signingSecret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant()))
            ? null
            : "signature does not match";
    }
}
