using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Serverless.Intake.Intake;

/// <summary>
/// Optional HMAC-SHA256 signature of the raw body: X-Signature-Timestamp holds Unix seconds, X-Signature holds
/// "sha256=" + hex(HMAC(secret, timestamp + "." + body)). A timestamp outside the tolerance (5 minutes by default)
/// is refused before the body is read, which bounds how long a captured request can be replayed.
/// </summary>
internal sealed class SignatureVerifier(IOptions<IntakeOptions> options, TimeProvider clock)
{
    public const string SignatureHeader = "X-Signature";
    public const string TimestampHeader = "X-Signature-Timestamp";
    private const string Prefix = "sha256=";

    /// <summary>Null when no signature applies to this request; otherwise a check to feed with the body, or an error.</summary>
    public (SignatureCheck? Check, string? Error) Begin(string? timestamp, string? signature)
    {
        var o = options.Value;
        var secrets = o.SignatureSecrets.Where(s => !string.IsNullOrEmpty(s)).ToList();
        if (string.IsNullOrEmpty(signature) && string.IsNullOrEmpty(timestamp))
        {
            return o.RequireSignature ? (null, $"The {SignatureHeader} and {TimestampHeader} headers are required.") : (null, null);
        }

        if (secrets.Count == 0)
        {
            return (null, "The request is signed but no signature secret is configured (RequestHandler:Intake:SignatureSecrets).");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return (null, $"{TimestampHeader} must be the signing time in Unix seconds.");
        }

        var skew = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        if (skew.Duration() > o.SignatureTolerance)
        {
            return (null, $"{TimestampHeader} is outside the accepted window of {o.SignatureTolerance.TotalMinutes:0.#} minutes.");
        }

        if (signature is null || !signature.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !TryHex(signature[Prefix.Length..], out var expected))
        {
            return (null, $"{SignatureHeader} must be 'sha256=' followed by the hex HMAC-SHA256 of '<timestamp>.<body>'.");
        }

        return (new SignatureCheck(secrets, timestamp!, expected), null);
    }

    private static bool TryHex(string hex, out byte[] bytes)
    {
        bytes = [];
        if (hex.Length != 64)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>The HMACs of one request under every configured secret, fed as the body is read.</summary>
internal sealed class SignatureCheck : IDisposable
{
    private readonly List<IncrementalHash> hashes;
    private readonly byte[] expected;

    public SignatureCheck(IReadOnlyList<string> secrets, string timestamp, byte[] expected)
    {
        this.expected = expected;
        hashes = secrets.Select(s => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(s))).ToList();
        Append(Encoding.UTF8.GetBytes(timestamp + "."));
    }

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
