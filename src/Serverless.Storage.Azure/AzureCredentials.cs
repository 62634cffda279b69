using Azure.Core;
using Azure.Identity;

namespace Serverless.Storage.Azure;

/// <summary>
/// The token credential for the "__credential" setting, as in Azure Functions identity-based connections:
/// "managedidentity" uses the managed identity (user-assigned when a client id is given), anything else or
/// nothing uses DefaultAzureCredential (developer sign-in locally, managed identity in Azure).
/// </summary>
public static class AzureCredentials
{
    public static TokenCredential Create(string? credential, string? clientId) =>
        string.Equals(credential, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrEmpty(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
}
