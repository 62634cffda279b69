using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serverless.Storage.Azure.Tables;
using Serverless.Storage.Tables;
using Serverless.Storage.Tests.Contract;

namespace Serverless.Storage.Tests.Tables;

/// <summary>The Azure Table adapter against Azurite (SERVERLESS_TEST_AZURITE_TABLE, written by scripts/services.sh).</summary>
public sealed class AzuriteTableStoreFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public AzuriteTableStoreFixture()
    {
        _services = StoreFactory.Build(new()
        {
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), "serverless-unused"),
            ["Storage:Blobs:Provider"] = "files",
            ["Storage:Tables:Provider"] = "azure",
            ["Storage:Tables:Azure:ConnectionString"] = TestEnvironment.Require(TestEnvironment.AzuriteTable),
        }, Time);
        Store = _services.GetRequiredService<ITableStore>();
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public ITableStore Store { get; }

    public void Dispose() => _services.Dispose();
}

[Trait("Backend", "azurite")]
public sealed class AzureTableStoreTests(AzuriteTableStoreFixture fixture) : TableStoreContract, IClassFixture<AzuriteTableStoreFixture>
{
    protected override ITableStore Store => fixture.Store;

    protected override FakeTimeProvider Time => fixture.Time;

    [Fact]
    public void Store_ChosenBySetting_IsTheAzureAdapter()
    {
        Store.Should().BeOfType<AzureTableStore>();
    }
}
