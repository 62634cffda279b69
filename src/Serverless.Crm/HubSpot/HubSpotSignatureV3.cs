using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Serverless.Crm.HubSpot;

/// <summary>
/// HubSpot's request signature v3: X-HubSpot-Signature-v3 is base64(HMAC-SHA256(client secret, method + URI +
/// body + X-HubSpot-Request-Timestamp)), the URI with HubSpot's list of percent-encoded characters decoded; a
/// timestamp (epoch milliseconds) more than five minutes old is refused, so a captured request cannot be replayed.
/// </summary>
public static class HubSpotSignatureV3
{
    public const string SignatureHeader = "X-HubSpot-Signature-v3";
    public const string TimestampHeader = "X-HubSpot-Request-Timestamp";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private static readonly (string Encoded, string Decoded)[] Decodes =
    [
        ("%3A", ":"), ("%2F", "/"), ("%3F", "?"), ("%40", "@"), ("%21", "!"), ("%24", "$"), ("%27", "'"),
        ("%28", "("), ("%29", ")"), ("%2A", "*"), ("%2C", ","), ("%3B", ";"),
    ];

    public static string Sign(string clientSecret, string method, string uri, string body, string timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        var source = Encoding.UTF8.GetBytes(method.ToUpperInvariant() + Decode(uri) + body + timestamp);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), source));
    }

    /// <summary>Null when the request is HubSpot's; otherwise why not (never the secret or the expected signature).</summary>
    public static string? Check(string? clientSecret, string method, string uri, string body, string? signature, string? timestamp, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(clientSecret))
        {
            return "No client secret is configured (Crm:HubSpot:ClientSecret): webhook calls cannot be verified.";
        }

        if (string.IsNullOrWhiteSpace(signature) || string.IsNullOrWhiteSpace(timestamp))
        {
            return $"The {SignatureHeader} and {TimestampHeader} headers are required.";
        }

        if (!long.TryParse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return $"{TimestampHeader} is not a time in epoch milliseconds.";
        }

        var age = now - DateTimeOffset.FromUnixTimeMilliseconds(ms);
        if (age > MaxAge || age < -MaxAge)
        {
            return $"{TimestampHeader} is more than five minutes away from now: the request is refused as a possible replay.";
        }

        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(signature.Trim(), given, out var length))
        {
            return $"{SignatureHeader} is not base64.";
        }

        var expected = Convert.FromBase64String(Sign(clientSecret, method, uri, body, timestamp));
        return CryptographicOperations.FixedTimeEquals(given[..length], expected) ? null : $"{SignatureHeader} does not match the request.";
    }

    private static string Decode(string uri)
    {
        foreach (var (encoded, decoded) in Decodes)
        {
            uri = uri.Replace(encoded, decoded, StringComparison.OrdinalIgnoreCase);
        }

        return uri;
    }
}
