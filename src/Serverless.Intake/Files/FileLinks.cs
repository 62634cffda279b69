using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Serverless.Intake.Intake;
using Serverless.Intake.RequestHandler;
using Serverless.Storage.Blobs;

namespace Serverless.Intake.Files;

/// <summary>Links to stored files for the ticket: the blob store's own read URL when it can issue one (Azure SAS),
/// else a link to this host (GET /api/intake/files/...) signed with HMAC-SHA256 and an expiry, so a person opening
/// the ticket can download the file without an API key and nobody can guess another file's link.</summary>
internal sealed class FileLinks(IBlobStore blobs, IOptions<RequestHandlerOptions> options, ApiKeyAuthenticator keys, TimeProvider clock)
{
    public async Task<string> LinkAsync(string container, string blob, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (await blobs.GetReadUrlAsync(container, blob, o.FileLinkValidity, cancellationToken) is { } url)
        {
            return url.ToString();
        }

        var expires = clock.GetUtcNow().Add(o.FileLinkValidity).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var path = string.Join('/', $"{container}/{blob}".Split('/').Select(Uri.EscapeDataString));
        return $"{o.PublicBaseUrl.TrimEnd('/')}/api/intake/files/{path}?expires={expires}&sig={Sign(container, blob, expires)}";
    }

    public bool Verify(string container, string blob, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds < clock.GetUtcNow().ToUnixTimeSeconds() || signature is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(container, blob, expires!));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private string Sign(string container, string blob, string expires)
    {
        var secret = string.IsNullOrEmpty(options.Value.FileLinkSecret)
            ? keys.FirstKeyHash ?? SHA256.HashData("no-key-configured"u8)
            : Encoding.UTF8.GetBytes(options.Value.FileLinkSecret);
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{container}/{blob}|{expires}"));
        return Convert.ToHexStringLower(mac)[..32];
    }
}
