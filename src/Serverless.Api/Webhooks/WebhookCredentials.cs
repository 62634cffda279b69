using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Api.Security;

namespace Serverless.Api.Webhooks;

/// <summary>The configured webhook keys and secrets, prepared once, checked with the shared constant-time
/// <see cref="KeyRing"/> and <see cref="BodySignature"/> (the intake webhook's signing scheme).</summary>
public sealed class WebhookCredentials
{
    public const string ApiKeyHeader = "X-API-Key";
    public const string SignatureHeader = BodySignature.SignatureHeader;
    public const string TimestampHeader = BodySignature.TimestampHeader;

    private readonly KeyRing keys;
    private readonly string[] secrets;

    public WebhookCredentials(IOptions<WebhookOptions> options)
    {
        keys = new KeyRing(options.Value.ApiKeys);
        secrets = [.. options.Value.Secrets.Where(s => !string.IsNullOrEmpty(s))];
        Tolerance = options.Value.SignatureTolerance;
    }

    public bool HasApiKeys => !keys.IsEmpty;

    public bool HasSecrets => secrets.Length > 0;

    public TimeSpan Tolerance { get; }

    public bool IsValidApiKey(string? presented) => keys.Contains(presented);

    /// <summary>Checks the two headers before the body is read: null when they are well formed and the timestamp is
    /// inside the window (then <paramref name="expected"/> holds the presented HMAC), else the reason.</summary>
    public string? CheckSignatureHeaders(string? timestamp, string? signature, DateTimeOffset now, out byte[] expected) =>
        BodySignature.CheckHeaders(timestamp, signature, now, Tolerance, out expected);

    /// <summary>True when <paramref name="expected"/> is the HMAC, under one of the secrets, of the request's
    /// canonical string (<see cref="SignedRequest"/>) with <paramref name="body"/>.</summary>
    public bool IsValidSignature(HttpRequest request, string timestamp, ReadOnlySpan<byte> body, byte[] expected)
    {
        using var check = BodySignature.Begin(secrets, request, timestamp, expected);
        check.Append(body);
        return check.Matches();
    }
}
