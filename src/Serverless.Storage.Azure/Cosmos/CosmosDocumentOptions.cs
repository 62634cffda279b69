namespace Serverless.Storage.Azure.Cosmos;

/// <summary>
/// Section "Storage:Documents:Cosmos". Either an identity-based connection (AccountEndpoint, optional Credential
/// "managedidentity" and ClientId: the Functions "__accountEndpoint" / "__credential" / "__clientId" names) or a
/// ConnectionString (emulator, local stand-in, key-based accounts).
/// </summary>
public sealed class CosmosDocumentOptions
{
    public const string SectionName = "Storage:Documents:Cosmos";

    public string? AccountEndpoint { get; set; }

    public string? Credential { get; set; }

    public string? ClientId { get; set; }

    public string? ConnectionString { get; set; }

    public string Database { get; set; } = "serverless";

    /// <summary>Create the database and containers on first use (emulators, tests). In Azure, Bicep creates them.</summary>
    public bool CreateIfNotExists { get; set; }

    /// <summary>Gateway mode (HTTPS only); required by the emulator stand-in and behind restrictive firewalls.</summary>
    public bool GatewayMode { get; set; }

    /// <summary>Talk to the configured endpoint only, never to the regional endpoints it advertises (emulators).</summary>
    public bool LimitToEndpoint { get; set; }

    /// <summary>Accept a self-signed TLS certificate. Refused unless the endpoint is a loopback address.</summary>
    public bool AcceptAnyServerCertificate { get; set; }
}
