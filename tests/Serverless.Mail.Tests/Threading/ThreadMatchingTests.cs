using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serverless.Mail.Agent;
using Serverless.Mail.Agent.Activities;
using Serverless.Mail.Parsing;
using Serverless.Mail.Tests.Parsing;
using Serverless.Mail.Threading;
using Serverless.Mail.Tickets;
using Serverless.Runtime.Abstractions;
using Serverless.Storage.Azure;
using Serverless.Storage.Tables;

namespace Serverless.Mail.Tests.Threading;

/// <summary>The keys read from received replies, looked up the way the thread step does, in a real (SQLite) ticket store.</summary>
public sealed class ThreadMatchingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("threading-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider provider;
    private readonly TableTicketStore tickets;

    public ThreadMatchingTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = folder,
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:Blobs:Provider"] = "files",
            ["Storage:Tables:Provider"] = "sqlite",
        }).Build();
        provider = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock).AddStorage(configuration).BuildServiceProvider();
        tickets = new TableTicketStore(provider.GetRequiredService<ITableStore>(), clock, "threadtickets");
    }

    [Fact]
    public async Task Thread_TicketNumberInTheSubject_FindsTheTicket()
    {
        var id = await OpenTicketForAsync("first-contact@client.example");
        var email = Fixtures.Parse("reply-ticket.eml") is var parsed ? parsed with { Subject = parsed.Subject.Replace("TKT-2026-000123", id, StringComparison.Ordinal) } : null!;

        var output = await ThreadAsync(email);

        output["threaded"]!.GetValue<bool>().Should().BeTrue();
        output["ticketId"]!.GetValue<string>().Should().Be(id);
        output["matchedBy"]!.GetValue<string>().Should().Be($"ticket number {id} in the subject");
    }

    [Fact]
    public async Task Thread_InReplyToOneOfTheTicketsMessages_FindsTheTicket()
    {
        var id = await OpenTicketForAsync("<ORIG-0001@client.example>");

        var output = await ThreadAsync(Fixtures.Parse("reply-own-message.eml"));

        output["ticketId"]!.GetValue<string>().Should().Be(id);
        output["matchedBy"]!.GetValue<string>().Should().Be("In-Reply-To/References <orig-0001@client.example>");
    }

    [Fact]
    public async Task Thread_OnlyAnOlderReferenceIsKnown_FindsTheTicketByReferences()
    {
        // The subject names a ticket that does not exist and In-Reply-To an id nobody indexed: only References is left.
        var id = await OpenTicketForAsync("orig-0001@client.example");
        var email = Fixtures.Parse("reply-ticket.eml");

        var output = await ThreadAsync(email);

        email.InReplyTo.Should().NotBe("orig-0001@client.example");
        output["ticketId"]!.GetValue<string>().Should().Be(id);
        output["matchedBy"]!.GetValue<string>().Should().Be("In-Reply-To/References <orig-0001@client.example>");
    }

    [Fact]
    public async Task Thread_NothingKnown_IsNotThreaded()
    {
        await OpenTicketForAsync("unrelated@client.example");

        var reply = await ThreadAsync(Fixtures.Parse("reply-ticket.eml"));
        var fresh = await ThreadAsync(Fixtures.Parse("plain-utf8.eml"));

        reply.ToJsonString().Should().Be("""{"threaded":false}""");
        fresh.ToJsonString().Should().Be("""{"threaded":false}""");
    }

    public void Dispose()
    {
        provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<string> OpenTicketForAsync(string messageId)
    {
        var opened = await tickets.OpenAsync(new NewTicket(
            "key-" + messageId, clock.GetUtcNow(), "Léa Bernard", "lea.bernard@exemple.fr", "Imprimante en panne", "Support", "Moyenne",
            "Mon imprimante ne répond plus.",
            new TicketEntry(clock.GetUtcNow(), messageId, "lea.bernard@exemple.fr", "Imprimante en panne", "Mon imprimante ne répond plus.")),
            CancellationToken.None);
        return opened.Ticket.Id;
    }

    /// <summary>The thread step on the keys the read step outputs for this message (a dry run: nothing is appended).</summary>
    private async Task<JsonObject> ThreadAsync(ParsedEmail email)
    {
        var input = new JsonObject
        {
            ["dedupKey"] = "id-test",
            ["ticketNumber"] = ThreadKeys.TicketNumberInSubject(email.Subject),
            ["messageIds"] = new JsonArray(ThreadKeys.CandidateMessageIds(email).Select(i => (JsonNode?)i).ToArray()),
        };
        var activity = new ThreadActivity(tickets, new MailOutcomes(provider.GetRequiredService<ITableStore>()), clock);

        var output = await activity.RunAsync(new ActivityContext("i1", "email-ticket", "thread", "k", 1, input, DryRun: true), CancellationToken.None);
        return (JsonObject)output!;
    }
}
