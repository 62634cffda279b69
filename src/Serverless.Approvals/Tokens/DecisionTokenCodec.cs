using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Serverless.Approvals.Configuration;
using Serverless.Engine.Definitions;

namespace Serverless.Approvals.Tokens;

/// <summary>
/// Signs and verifies decision links: <c>a1.{payload}.{signature}</c>, both parts URL-safe base64 without padding.
/// The payload is compact JSON {i: instance, g: gate, d: decision, a: approver, e: expiry (Unix s), n: nonce};
/// the signature is HMAC-SHA256 over "a1." + payload with Approvals:SigningKey. Verification tries the current key,
/// then Approvals:PreviousSigningKeys, each compared in constant time.
/// </summary>
public sealed class DecisionTokenCodec(IOptionsMonitor<ApprovalOptions> options)
{
    public const string Version = "a1";
    private const int MaxTokenLength = 4096;
    private static readonly string Prefix = Version + ".";

    public string Sign(DecisionToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(token.InstanceId, token.GateId, token.Decision, token.Approver,
            token.ExpiresAt.ToUnixTimeSeconds(), token.Nonce), PayloadContext.Default.Payload);
        var payload = Base64Url.EncodeToString(json);
        var signature = Base64Url.EncodeToString(Mac(Key(options.CurrentValue.SigningKey), payload));
        return $"{Prefix}{payload}.{signature}";
    }

    public TokenCheck Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return TokenCheck.Invalid("not a decision token");
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1]) || !Base64Url.IsValid(parts[2]))
        {
            return TokenCheck.Invalid("malformed token");
        }

        var given = Base64Url.DecodeFromChars(parts[2]);
        // Canonical form only: padding or spare low bits decode to the same bytes, so one decision would have many
        // spellings (and many cache or log keys). The signature's text must be exactly what Sign wrote.
        if (!string.Equals(Base64Url.EncodeToString(given), parts[2], StringComparison.Ordinal) || parts[1].Contains('=', StringComparison.Ordinal))
        {
            return TokenCheck.Invalid("malformed token");
        }

        var o = options.CurrentValue;
        var signed = false;
        foreach (var key in new[] { o.SigningKey }.Concat(o.PreviousSigningKeys))
        {
            // Every key is tried, so the time taken does not tell which one matched.
            signed |= !string.IsNullOrEmpty(key) && CryptographicOperations.FixedTimeEquals(Mac(Key(key), parts[1]), given);
        }

        if (!signed)
        {
            return TokenCheck.Invalid("signature does not match");
        }

        try
        {
            var p = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), PayloadContext.Default.Payload);
            if (p is null || string.IsNullOrEmpty(p.I) || string.IsNullOrEmpty(p.G) || !ApprovalDecisions.Human.Contains(p.D)
                || string.IsNullOrEmpty(p.A) || string.IsNullOrEmpty(p.N))
            {
                return TokenCheck.Invalid("incomplete token");
            }

            return TokenCheck.Valid(new DecisionToken(p.I, p.G, p.D!, p.A, DateTimeOffset.FromUnixTimeSeconds(p.E), p.N));
        }
        catch (JsonException)
        {
            return TokenCheck.Invalid("unreadable token");
        }
    }

    private static byte[] Key(string? key) =>
        Encoding.UTF8.GetBytes(key ?? throw new InvalidOperationException($"{ApprovalOptions.SectionName}:SigningKey is missing."));

    private static byte[] Mac(byte[] key, string payload) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(Prefix + payload));

    internal sealed record Payload(string I, string G, string? D, string A, long E, string N);
}
