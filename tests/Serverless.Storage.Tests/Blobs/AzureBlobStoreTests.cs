using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Storage.Azure.Blobs;
using Serverless.Storage.Blobs;
using Serverless.Storage.Tests.Contract;

namespace Serverless.Storage.Tests.Blobs;

/// <summary>The Azure Blob adapter against Azurite (SERVERLESS_TEST_AZURITE_BLOB, written by scripts/services.sh).</summary>
public sealed class AzuriteStoreFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public AzuriteStoreFixture()
    {
        _services = StoreFactory.Build(new()
        {
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), "serverless-unused"),
            ["Storage:Blobs:Provider"] = "azure",
            ["Storage:Blobs:MaxBlobBytes"] = BlobStoreContract.LimitBytes.ToString(CultureInfo.InvariantCulture),
            ["Storage:Blobs:Azure:ConnectionString"] = TestEnvironment.Require(TestEnvironment.AzuriteBlob),
        });
        Store = _services.GetRequiredService<IBlobStore>();
    }

    public IBlobStore Store { get; }

    public void Dispose() => _services.Dispose();
}

[Trait("Backend", "azurite")]
public sealed class AzureBlobStoreTests(AzuriteStoreFixture fixture) : BlobStoreContract, IClassFixture<AzuriteStoreFixture>
{
    protected override IBlobStore Store => fixture.Store;

    protected override bool IssuesReadUrls => true;

    [Fact]
    public void Store_ChosenBySetting_IsTheAzureAdapter()
    {
        Store.Should().BeOfType<AzureBlobStore>();
    }
}
