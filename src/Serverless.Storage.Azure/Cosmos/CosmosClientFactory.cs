using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace Serverless.Storage.Azure.Cosmos;

internal static class CosmosClientFactory
{
    public static CosmosClient Create(CosmosDocumentOptions options)
    {
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "serverless",
            ConnectionMode = options.GatewayMode ? ConnectionMode.Gateway : ConnectionMode.Direct,
            LimitToEndpoint = options.LimitToEndpoint,
            UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
        };
        if (options.AcceptAnyServerCertificate)
        {
            // Only reachable for loopback endpoints (CosmosDocumentOptionsValidator): the stand-in's self-signed cert.
            clientOptions.HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            });
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new CosmosClient(options.AccountEndpoint, AzureCredentials.Create(options.Credential, options.ClientId), clientOptions)
            : new CosmosClient(options.ConnectionString, clientOptions);
    }

    public static bool IsLoopback(string? endpointOrConnectionString)
    {
        if (string.IsNullOrEmpty(endpointOrConnectionString))
        {
            return false;
        }

        var endpoint = endpointOrConnectionString.Split(';')
            .Select(part => part.Trim())
            .FirstOrDefault(part => part.StartsWith("AccountEndpoint=", StringComparison.OrdinalIgnoreCase))?["AccountEndpoint=".Length..]
            ?? endpointOrConnectionString;
        return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));
    }
}
