using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serverless.Storage.Dedup;
using Serverless.Storage.Tables;
using Serverless.Storage.Tables.Sqlite;
using Serverless.Storage.Tests.Contract;

namespace Serverless.Storage.Tests.Tables;

public sealed class SqliteTableStoreFixture : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "serverless-tables-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public SqliteTableStoreFixture()
    {
        // No Storage:Tables:Provider: sqlite is the default.
        _services = StoreFactory.Build(new()
        {
            ["Storage:DataFolder"] = _folder,
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:Blobs:Provider"] = "files",
        }, Time);
        Store = _services.GetRequiredService<ITableStore>();
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public ITableStore Store { get; }

    public IServiceProvider Services => _services;

    public string Folder => _folder;

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class SqliteTableStoreTests(SqliteTableStoreFixture fixture) : TableStoreContract, IClassFixture<SqliteTableStoreFixture>
{
    protected override ITableStore Store => fixture.Store;

    protected override FakeTimeProvider Time => fixture.Time;

    [Fact]
    public void Store_ByDefault_IsTheSqliteAdapterInTheDataFolder()
    {
        Store.Should().BeOfType<SqliteTableStore>();
        File.Exists(Path.Combine(fixture.Folder, "tables.db")).Should().BeTrue();
        fixture.Services.GetRequiredService<IDedupKeys>().Should().BeOfType<TableDedupKeys>();
    }
}
