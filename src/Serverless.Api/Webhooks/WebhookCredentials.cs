using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Serverless.Api.Webhooks;

/// <summary>
/// The configured keys and secrets, prepared once. Both checks are constant-time and visit every configured value,
/// with no early exit: keys are compared as SHA-256 hashes (same length whatever was presented) with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>; signatures are HMAC-SHA256 of "&lt;timestamp&gt;.&lt;raw body&gt;",
/// the scheme of the intake webhook, so one client signer serves both.
/// </summary>
public sealed class WebhookCredentials
{
    public const string ApiKeyHeader = "X-API-Key";
    public const string SignatureHeader = "X-Signature";
    public const string TimestampHeader = "X-Signature-Timestamp";
    private const string SignaturePrefix = "sha256=";

    private readonly byte[][] keyHashes;
    private readonly byte[][] secrets;

    public WebhookCredentials(IOptions<WebhookOptions> options)
    {
        keyHashes = [.. options.Value.ApiKeys.Where(k => !string.IsNullOrEmpty(k)).Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))];
        secrets = [.. options.Value.Secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => Encoding.UTF8.GetBytes(s))];
        Tolerance = options.Value.SignatureTolerance;
    }

    public bool HasApiKeys => keyHashes.Length > 0;

    public bool HasSecrets => secrets.Length > 0;

    public TimeSpan Tolerance { get; }

    public bool IsValidApiKey(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var match = false;
        foreach (var known in keyHashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, known);
        }

        return match;
    }

    /// <summary>Checks the two headers before the body is read: null when they are well formed and the timestamp is
    /// inside the window (then <paramref name="expected"/> holds the presented HMAC), else the reason.</summary>
    public string? CheckSignatureHeaders(string? timestamp, string? signature, DateTimeOffset now, out byte[] expected)
    {
        expected = [];
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return $"The {SignatureHeader} and {TimestampHeader} headers are required.";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return $"{TimestampHeader} must be the signing time in Unix seconds.";
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        if ((now - signedAt).Duration() > Tolerance)
        {
            return $"{TimestampHeader} is outside the accepted window of {Tolerance.TotalMinutes:0.#} minutes.";
        }

        var hex = signature.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase) ? signature[SignaturePrefix.Length..] : "";
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            return $"{SignatureHeader} must be 'sha256=' followed by the hex HMAC-SHA256 of '<timestamp>.<body>'.";
        }

        expected = Convert.FromHexString(hex);
        return null;
    }

    public bool IsValidSignature(string timestamp, ReadOnlySpan<byte> body, byte[] expected)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));

        var match = false;
        foreach (var secret in secrets)
        {
            match |= CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(secret, signed), expected);
        }

        return match;
    }
}
