using System.Security.Cryptography;
using System.Text;

namespace Serverless.Connectors.Sandbox;

/// <summary>Deterministic fake ids derived from the idempotency key, so a retried activity gets the same fake id
/// (as the real, idempotent call would) and a dry run is reproducible.</summary>
internal static class SandboxIds
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>A numeric id shaped like HubSpot's object ids (11 digits, no leading zero).</summary>
    public static string Numeric(string idempotencyKey, string purpose)
    {
        var value = BitConverter.ToUInt64(Hash(idempotencyKey, purpose), 0) % 90_000_000_000UL + 10_000_000_000UL;
        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A lower-case alphanumeric id shaped like ClickUp's task ids.</summary>
    public static string Alphanumeric(string idempotencyKey, string purpose, int length = 9)
    {
        var bytes = Hash(idempotencyKey, purpose);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[bytes[i] % Alphabet.Length];
        }

        return new string(chars);
    }

    private static byte[] Hash(string idempotencyKey, string purpose) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}\n{idempotencyKey}"));
}
