using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serverless.Storage.DependencyInjection;
using Serverless.Storage.Tables;

namespace Serverless.Storage.Tests.Tables;

/// <summary>The sweep both hosts run deletes the expired rows of every registered expiring table and keeps the rest.</summary>
public sealed class TableSweeperTests
{
    [Fact]
    public async Task Sweep_DeletesExpiredRowsOfRegisteredTables_KeepsLiveOnesAndOtherTables()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), "serverless-sweep-" + Guid.NewGuid().ToString("N")),
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:Blobs:Provider"] = "files",
        };
        using var provider = StoreFactory.Build(settings, clock);
        var store = provider.GetRequiredService<ITableStore>();
        var now = clock.GetUtcNow();
        await store.UpsertAsync("dedupkeys", new TableRow("p", "old", "", now.AddMinutes(-1)));
        await store.UpsertAsync("dedupkeys", new TableRow("p", "live", "", now.AddHours(1)));
        await store.UpsertAsync("keepers", new TableRow("p", "old", "", now.AddMinutes(-1)));

        var swept = await provider.GetRequiredService<TableSweeper>().SweepAsync(CancellationToken.None);

        swept.Should().Be(1);
        (await store.GetAsync("dedupkeys", "p", "live")).Should().NotBeNull();
        (await store.SweepExpiredAsync("keepers")).Should().Be(1, "a table nobody registered is left to its owner");
    }

    [Fact]
    public void AddExpiringTable_Twice_RegistersTheTableOnce()
    {
        var services = new ServiceCollection().AddExpiringTable("guards").AddExpiringTable("guards");

        services.Count(d => d.ImplementationInstance is ExpiringTable { Name: "guards" }).Should().Be(1);
    }
}
