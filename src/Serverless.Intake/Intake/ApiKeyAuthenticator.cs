using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Serverless.Intake.Intake;

/// <summary>Checks X-API-Key against the configured keys in constant time: both sides are hashed to the same
/// length and compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, every key, no early exit.</summary>
internal sealed class ApiKeyAuthenticator
{
    public const string Header = "X-API-Key";

    private readonly byte[][] keyHashes;

    public ApiKeyAuthenticator(IOptions<IntakeOptions> options, IHostEnvironment environment)
    {
        var keys = options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        UsesDevelopmentKey = keys.Count == 0 && environment.IsDevelopment() && !string.IsNullOrWhiteSpace(options.Value.DevelopmentApiKey);
        if (UsesDevelopmentKey)
        {
            keys.Add(options.Value.DevelopmentApiKey);
        }

        keyHashes = keys.Select(Hash).ToArray();
    }

    public bool UsesDevelopmentKey { get; }

    public bool HasKeys => keyHashes.Length > 0;

    /// <summary>The SHA-256 of the first key, used to sign file links when no dedicated secret is set.</summary>
    public byte[]? FirstKeyHash => keyHashes.Length > 0 ? keyHashes[0] : null;

    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var hash = Hash(presented);
        var match = false;
        foreach (var known in keyHashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, known);
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
