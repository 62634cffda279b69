using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Host.Tests.Support;
using Serverless.Mail.Tickets;

namespace Serverless.Host.Tests.Mail;

/// <summary>The email tickets over the embedded host's API: listed with filters, read, moved between statuses by a
/// person with the change in the history, and bad input answered 400 naming the field.</summary>
public sealed class TicketApiTests(EmbeddedHostFactory factory) : IClassFixture<EmbeddedHostFactory>
{
    [Fact]
    public async Task ListGetAndPatch_MoveATicketAndRecordWhoDidIt()
    {
        var store = factory.Services.GetRequiredService<ITicketStore>();
        var key = Guid.NewGuid().ToString("N");
        var id = (await store.OpenAsync(new NewTicket(key, DateTimeOffset.UtcNow, "Léa Bernard", "lea@example.com", "Accès bloqué " + key,
            "Support", "Haute", "Bonjour", new TicketEntry(DateTimeOffset.UtcNow, key + "@example.com", "lea@example.com", "Accès", "Bonjour")), CancellationToken.None)).Ticket.Id;
        using var http = factory.CreateClient();

        var listed = await http.GetFromJsonAsync<JsonObject>("/api/mail/tickets?status=Nouveau&priority=haute");
        var patched = await http.PatchAsJsonAsync($"/api/mail/tickets/{id}", new { status = "en cours", handledBy = "Marc", by = "marc@example.com" });
        var read = await http.GetFromJsonAsync<JsonObject>($"/api/mail/tickets/{id}");

        listed!["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).Should().Contain(id);
        patched.StatusCode.Should().Be(HttpStatusCode.OK);
        read!["status"]!.GetValue<string>().Should().Be("En cours");
        read["handledBy"]!.GetValue<string>().Should().Be("Marc");
        read["history"]!.AsArray().Last()!["by"]!.GetValue<string>().Should().Be("marc@example.com");
    }

    [Theory]
    [InlineData("""{"status":"Fermé"}""", "status")]
    [InlineData("""{"status":3}""", "status")]
    [InlineData("""{"subject":"x"}""", "subject")]
    [InlineData("""["status"]""", "body")]
    public async Task Patch_BadField_Is400NamingIt(string body, string field)
    {
        using var http = factory.CreateClient();
        var store = factory.Services.GetRequiredService<ITicketStore>();
        var key = Guid.NewGuid().ToString("N");
        var id = (await store.OpenAsync(new NewTicket(key, DateTimeOffset.UtcNow, "A", "a@example.com", "S", "Support", "Basse", "D",
            new TicketEntry(DateTimeOffset.UtcNow, key, "a@example.com", "S", "D")), CancellationToken.None)).Ticket.Id;

        var response = await http.PatchAsync($"/api/mail/tickets/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        (await response.ShouldBeProblemAsync(400))["errors"]!.AsObject().Select(e => e.Key).Should().Contain(field);
    }

    [Fact]
    public async Task UnknownTicketAndBadFilter_Are404And400()
    {
        using var http = factory.CreateClient();

        (await (await http.GetAsync("/api/mail/tickets/TKT-2026-999999")).ShouldBeProblemAsync(404))["ticketId"]!.GetValue<string>().Should().Be("TKT-2026-999999");
        (await (await http.GetAsync("/api/mail/tickets?status=Ouvert")).ShouldBeProblemAsync(400))["errors"]!["status"].Should().NotBeNull();
        (await http.GetFromJsonAsync<JsonObject>("/api/mail/mailboxes"))!["items"]!.AsArray().Should().BeEmpty("no mailbox is configured");
    }
}
