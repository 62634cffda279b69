using System.Security.Cryptography;
using System.Text;

namespace Serverless.Connectors.Resilience;

/// <summary>A short, non-reversible name for a credential, so limiters and logs can tell tokens apart without
/// ever holding or printing one.</summary>
internal static class CredentialHash
{
    public static string Of(string credential) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credential)).AsSpan(0, 8));
}
