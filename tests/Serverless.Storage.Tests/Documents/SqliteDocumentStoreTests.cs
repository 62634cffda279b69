using Microsoft.Extensions.DependencyInjection;
using Serverless.Storage.Documents;
using Serverless.Storage.Documents.Sqlite;
using Serverless.Storage.Tests.Contract;

namespace Serverless.Storage.Tests.Documents;

public sealed class SqliteStoreFixture : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "serverless-sqlite-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public SqliteStoreFixture()
    {
        _services = StoreFactory.Build(new()
        {
            ["Storage:DataFolder"] = _folder,
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:Documents:MaxDocumentBytes"] = DocumentStoreContract.LimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:Documents:Collections:contract:IndexedFields:0"] = "status",
            ["Storage:Documents:Collections:contract:IndexedFields:1"] = "createdTime",
            ["Storage:Blobs:Provider"] = "files",
        });
        Store = _services.GetRequiredService<IDocumentStore>();
    }

    public IDocumentStore Store { get; }

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class SqliteDocumentStoreTests(SqliteStoreFixture fixture) : DocumentStoreContract, IClassFixture<SqliteStoreFixture>
{
    protected override IDocumentStore Store => fixture.Store;

    [Fact]
    public void Store_ChosenBySetting_IsTheSqliteAdapter()
    {
        Store.Should().BeOfType<SqliteDocumentStore>();
    }
}
