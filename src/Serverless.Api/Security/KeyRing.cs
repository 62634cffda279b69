using System.Security.Cryptography;
using System.Text;

namespace Serverless.Api.Security;

/// <summary>A set of secret keys (API keys) checked in constant time: the presented key and every known key are
/// compared as SHA-256 hashes (equal lengths whatever was presented) with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, visiting every key with no early exit, so neither a key's
/// length nor its position in the list leaks through timing. Used by the management API, webhook triggers and the
/// intake webhook.</summary>
public sealed class KeyRing
{
    private readonly byte[][] hashes;

    public KeyRing(IEnumerable<string?> keys) =>
        hashes = [.. keys.Where(k => !string.IsNullOrEmpty(k)).Select(k => Hash(k!))];

    public bool IsEmpty => hashes.Length == 0;

    /// <summary>The SHA-256 of the first key (to derive a signing secret when none is configured), or null.</summary>
    public byte[]? FirstHash => hashes.Length > 0 ? hashes[0] : null;

    public bool Contains(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var hash = Hash(presented);
        var match = false;
        foreach (var known in hashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, known);
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
