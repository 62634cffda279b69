using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serverless.Mail.Tickets;
using Serverless.Storage.Azure;
using Serverless.Storage.Tables;

namespace Serverless.Mail.Tests.Tickets;

/// <summary>The ticket store on both table adapters: SQLite (the embedded default) and Azure Table storage on the
/// local Azurite. One ticket per message, numbers TKT-{year}-{6 digits}, newest first, changes in the history.</summary>
public sealed class TicketStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tickets-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly List<ServiceProvider> providers = [];

    public static TheoryData<string> Adapters => new("sqlite", "azure");

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task Open_NumbersTicketsPerYear_ListsNewestFirst_AndStartsThemNouveau(string adapter)
    {
        var store = Store(adapter);

        var first = await store.OpenAsync(Draft("k1", "Accès bloqué"), CancellationToken.None);
        var second = await store.OpenAsync(Draft("k2", "Facture"), CancellationToken.None);
        var page = await store.ListAsync(new TicketFilter(), 10, null, CancellationToken.None);

        first.Ticket.Id.Should().Be("TKT-2026-000001");
        second.Ticket.Id.Should().Be("TKT-2026-000002");
        first.Created.Should().BeTrue();
        first.Ticket.Status.Should().Be(TicketStatuses.New);
        first.Ticket.History.Should().ContainSingle().Which.To.Should().Be(TicketStatuses.New);
        page.Items.Select(t => t.Subject).Should().Equal("Facture", "Accès bloqué");
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task Open_SameMessageTenTimesAtOnce_OpensOneTicket(string adapter)
    {
        var store = Store(adapter);

        var opened = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => store.OpenAsync(Draft("same", "Doublon"), CancellationToken.None)));

        opened.Count(o => o.Created).Should().Be(1);
        opened.Select(o => o.Ticket.Id).Distinct().Should().ContainSingle();
        (await store.ListAsync(new TicketFilter(), 100, null, CancellationToken.None)).Items.Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task FindByMessage_FindsTheTicketWhateverTheIdSpelling(string adapter)
    {
        var store = Store(adapter);
        var opened = await store.OpenAsync(Draft("k", "Question", messageId: "abc.1@example.com"), CancellationToken.None);

        var found = await store.FindByMessageAsync("<ABC.1@Example.com>", CancellationToken.None);

        found!.Id.Should().Be(opened.Ticket.Id);
        (await store.FindByMessageAsync("other@example.com", CancellationToken.None)).Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task Update_RecordsEachChangedFieldInTheHistory_AndFiltersFollow(string adapter)
    {
        var store = Store(adapter);
        var id = (await store.OpenAsync(Draft("k", "Panne"), CancellationToken.None)).Ticket.Id;
        await store.OpenAsync(Draft("k2", "Autre"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await store.UpdateAsync(id, new TicketUpdate(TicketStatuses.InProgress, "Marc", null, "marc@example.com"), CancellationToken.None);
        var inProgress = await store.ListAsync(new TicketFilter(Status: "en cours"), 10, null, CancellationToken.None);

        updated!.Status.Should().Be(TicketStatuses.InProgress);
        updated.History.Skip(1).Select(c => (c.Field, c.From, c.To, c.By)).Should().Equal(
            ("status", TicketStatuses.New, TicketStatuses.InProgress, "marc@example.com"),
            ("handledBy", null, "Marc", "marc@example.com"));
        updated.History[^1].At.Should().Be(clock.GetUtcNow());
        inProgress.Items.Select(t => t.Id).Should().Equal(id);
        (await store.UpdateAsync("TKT-2026-999999", new TicketUpdate(TicketStatuses.Resolved, null, null, null), CancellationToken.None)).Should().BeNull();
        (await store.GetAsync("not-a-ticket", CancellationToken.None)).Should().BeNull();
    }

    public void Dispose()
    {
        foreach (var provider in providers)
        {
            provider.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private TableTicketStore Store(string adapter)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = folder,
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:Blobs:Provider"] = "files",
            ["Storage:Tables:Provider"] = adapter,
        };
        if (adapter == "azure")
        {
            settings["Storage:Tables:Azure:ConnectionString"] = Environment.GetEnvironmentVariable("SERVERLESS_TEST_AZURITE_TABLE") is { Length: > 0 } azurite
                ? azurite
                : throw new InvalidOperationException("SERVERLESS_TEST_AZURITE_TABLE is not set: start the local services with `scripts/services.sh up` and `source .services/env`.");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock).AddStorage(configuration).BuildServiceProvider();
        providers.Add(provider);
        // A table of its own per test: the Azurite account is shared by every test run.
        return new TableTicketStore(provider.GetRequiredService<ITableStore>(), clock, $"tk{Guid.NewGuid():N}"[..24]);
    }

    private static NewTicket Draft(string key, string subject, string? messageId = null) => new(
        key, new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), "Léa Bernard", "lea.bernard@example.com", subject,
        "Support", "Moyenne", "Bonjour", new TicketEntry(DateTimeOffset.UnixEpoch, messageId ?? key + "@example.com", "lea.bernard@example.com", subject, "Bonjour"));
}
