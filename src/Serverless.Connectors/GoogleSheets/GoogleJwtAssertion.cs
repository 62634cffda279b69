using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Serverless.Connectors.GoogleSheets;

/// <summary>The signed JWT of Google's service-account flow (RFC 7523): header {alg RS256, typ JWT, kid}, claims
/// iss = client_email, scope, aud = the token endpoint, iat, exp = iat + 1 h (Google's maximum).</summary>
internal static class GoogleJwtAssertion
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static string Create(GoogleServiceAccount account, string audience, string scope, DateTimeOffset now)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" };
        if (account.PrivateKeyId is { } kid)
        {
            header["kid"] = kid;
        }

        var issuedAt = now.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["iss"] = account.ClientEmail,
            ["scope"] = scope,
            ["aud"] = audience,
            ["iat"] = issuedAt,
            ["exp"] = issuedAt + (long)Lifetime.TotalSeconds,
        };
        var signed = $"{Encode(header)}.{Encode(claims)}";
        using var rsa = RSA.Create();
        rsa.ImportFromPem(account.PrivateKeyPem);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Encode(JsonObject part) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(part.ToJsonString()));
}
