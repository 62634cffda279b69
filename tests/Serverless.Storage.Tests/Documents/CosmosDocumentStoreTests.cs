using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Storage.Azure.Cosmos;
using Serverless.Storage.Documents;
using Serverless.Storage.Tests.Contract;

namespace Serverless.Storage.Tests.Documents;

/// <summary>
/// The Cosmos DB adapter against SERVERLESS_TEST_COSMOS_ENDPOINT: the @vercel/cosmosdb-server stand-in that
/// scripts/services.sh starts, or a real account/emulator when SERVERLESS_TEST_COSMOS_REAL=1.
/// </summary>
public sealed class CosmosStoreFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public CosmosStoreFixture()
    {
        var endpoint = TestEnvironment.Require(TestEnvironment.CosmosEndpoint);
        var key = TestEnvironment.Require(TestEnvironment.CosmosKey);
        // A loopback endpoint (stand-in or official emulator) serves a self-signed certificate over the gateway only.
        var local = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.IsLoopback;
        _services = StoreFactory.Build(new()
        {
            ["Storage:Documents:Provider"] = "cosmos",
            ["Storage:Documents:MaxDocumentBytes"] = DocumentStoreContract.LimitBytes.ToString(CultureInfo.InvariantCulture),
            ["Storage:Documents:Cosmos:ConnectionString"] = $"AccountEndpoint={endpoint};AccountKey={key};",
            ["Storage:Documents:Cosmos:Database"] = "serverless-tests",
            ["Storage:Documents:Cosmos:CreateIfNotExists"] = "true",
            ["Storage:Documents:Cosmos:GatewayMode"] = local ? "true" : "false",
            ["Storage:Documents:Cosmos:LimitToEndpoint"] = local ? "true" : "false",
            ["Storage:Documents:Cosmos:AcceptAnyServerCertificate"] = local ? "true" : "false",
            ["Storage:Blobs:Provider"] = "files",
        });
        Store = _services.GetRequiredService<IDocumentStore>();
    }

    public IDocumentStore Store { get; }

    public void Dispose() => _services.Dispose();
}

[Trait("Backend", "cosmos")]
[LacksFeature(StoreFeature.OrderBy, "@vercel/cosmosdb-server (the local Cosmos DB stand-in)")]
public sealed class CosmosDocumentStoreTests(CosmosStoreFixture fixture) : DocumentStoreContract, IClassFixture<CosmosStoreFixture>
{
    protected override IDocumentStore Store => fixture.Store;

    [Fact]
    public void Store_ChosenBySetting_IsTheCosmosAdapter()
    {
        Store.Should().BeOfType<CosmosDocumentStore>();
    }
}
