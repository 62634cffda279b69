using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Security;

/// <summary>
/// The HMAC-SHA256 request signature our webhooks accept (the intake webhook and webhook triggers alike, so one client
/// signer serves both): X-Signature-Timestamp holds Unix seconds, X-Signature holds "sha256=" + hex(HMAC(secret,
/// <see cref="SignedRequest"/>'s canonical string)). The headers are checked before the body is read; a timestamp
/// outside the tolerance refuses the request, and <c>SignedRequestReplayGuard</c> answers a resend inside it.
/// </summary>
public static class BodySignature
{
    public const string SignatureHeader = "X-Signature";
    public const string TimestampHeader = "X-Signature-Timestamp";
    private const string Prefix = "sha256=";

    /// <summary>Null when both headers are well formed and the timestamp is inside the window (then
    /// <paramref name="expected"/> holds the presented HMAC); otherwise the reason, as a sentence.</summary>
    public static string? CheckHeaders(string? timestamp, string? signature, DateTimeOffset now, TimeSpan tolerance, out byte[] expected)
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
        if ((now - signedAt).Duration() > tolerance)
        {
            return $"{TimestampHeader} is outside the accepted window of {tolerance.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} minutes.";
        }

        var hex = signature.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? signature[Prefix.Length..] : "";
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            return $"{SignatureHeader} must be 'sha256=' followed by the hex HMAC-SHA256 of the canonical request string "
                + "(timestamp, method, path and query, Idempotency-Key, each followed by a line feed, then the body).";
        }

        expected = Convert.FromHexString(hex);
        return null;
    }

    /// <summary>Starts the HMACs of <paramref name="request"/> under every secret over its canonical prefix
    /// (<see cref="SignedRequest.CanonicalPrefix"/>); feed it the body as it is read.</summary>
    public static SignatureCheck Begin(IEnumerable<string> secrets, HttpRequest request, string timestamp, byte[] expected) =>
        new(secrets, SignedRequest.CanonicalPrefix(request, timestamp), expected);
}

/// <summary>The HMACs of one request under every configured secret, fed as the body is read; <see cref="Matches"/>
/// compares each in constant time, with no early exit.</summary>
public sealed class SignatureCheck : IDisposable
{
    private readonly List<IncrementalHash> hashes;
    private readonly byte[] expected;

    internal SignatureCheck(IEnumerable<string> secrets, byte[] canonicalPrefix, byte[] expected)
    {
        this.expected = expected;
        hashes = secrets.Select(s => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(s))).ToList();
        Append(canonicalPrefix);
    }

    /// <summary>The presented signature (lower-case hex), the key of the replay guard once it matches.</summary>
    public string Signature => Convert.ToHexStringLower(expected);

    public void Append(ReadOnlySpan<byte> data)
    {
        foreach (var hash in hashes)
        {
            hash.AppendData(data);
        }
    }

    public bool Matches()
    {
        var match = false;
        foreach (var hash in hashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), expected);
        }

        return match;
    }

    public void Dispose()
    {
        foreach (var hash in hashes)
        {
            hash.Dispose();
        }
    }
}
