using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;
using Serverless.Host.Tests.Support;

namespace Serverless.Host.Tests.Mail;

/// <summary>Seed 004 end to end on the embedded host as it ships: mail delivered to a folder of the local Dovecot
/// (scripts/services.sh), read by the mailbox monitor, run through workflows/mail/email-ticket.json by the real
/// runtime, and read back at the ticket API.</summary>
public sealed class EmailAgentEndToEndTests : IAsyncLifetime, IDisposable
{
    private readonly EmbeddedHostFactory root = new();
    private readonly string folder = $"e2e{Guid.NewGuid():N}"[..20];
    private WebApplicationFactory<Program> host = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        using (var client = await ConnectAsync())
        {
            await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(folder, isMessageFolder: true);
            await client.DisconnectAsync(true);
        }

        host = root.WithWebHostBuilder(b =>
        {
            b.UseSetting("Mail:Mailboxes:support:Host", Env("SERVERLESS_TEST_IMAP_HOST"));
            b.UseSetting("Mail:Mailboxes:support:Port", Env("SERVERLESS_TEST_IMAP_PORT"));
            b.UseSetting("Mail:Mailboxes:support:Security", "None");
            b.UseSetting("Mail:Mailboxes:support:User", Env("SERVERLESS_TEST_IMAP_USER"));
            b.UseSetting("Mail:Mailboxes:support:Password", Env("SERVERLESS_TEST_IMAP_PASSWORD"));
            b.UseSetting("Mail:Mailboxes:support:Folder", folder);
            b.UseSetting("Mail:PollInterval", "00:00:01");
            b.UseSetting("Mail:Agent:TeamRecipients:0", "support-team@example.com");
            b.UseSetting("Mail:Agent:SlackPriorities:0", "Critique");
            b.UseSetting("Mail:Agent:TeamsPriorities:0", "Critique");
            b.UseSetting("Mail:Sheet:Enabled", "true");
        });
        http = host.CreateClient();
    }

    public void Dispose() => root.Dispose();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
        await root.DisposeAsync();
    }

    [Fact]
    public async Task NewMessage_BecomesOneTicket_EvenDeliveredTwice_AndItsReplyJoinsIt()
    {
        var subject = "Production arrêtée " + Guid.NewGuid().ToString("N")[..8];
        var first = Message(subject, "Bonjour, plus rien ne fonctionne depuis ce matin, toute l'équipe est bloquée.");
        await DeliverAsync(first, first);

        var ticket = await TicketWithSubjectAsync(subject);
        ticket["email"]!.GetValue<string>().Should().Be("lea.bernard@example.com");
        ticket["senderName"]!.GetValue<string>().Should().Be("Léa Bernard");
        ticket["priority"]!.GetValue<string>().Should().Be("Critique", "the outage rule raises it");
        ticket["status"]!.GetValue<string>().Should().Be("Nouveau");
        var id = ticket["id"]!.GetValue<string>();

        // Without Connectors:GoogleSheets and Connectors:Teams, the sandbox records the row and the card it would write.
        var calls = await WaitAsync(() => SandboxCallsOfTicketAsync(id));
        calls.Should().Contain(c => c["connector"]!.GetValue<string>() == "GoogleSheets" && c["operation"]!.GetValue<string>() == "AppendRowAsync"
            && c["request"]!["body"]!["range"]!.GetValue<string>() == "Tickets!A:K");
        calls.Should().Contain(c => c["connector"]!.GetValue<string>() == "Teams" && c["request"]!.ToJsonString().Contains(id, StringComparison.Ordinal));

        using (var patch = await http.PatchAsJsonAsync($"/api/mail/tickets/{id}", new { status = "En cours", by = "e2e" }))
        {
            patch.EnsureSuccessStatusCode();
            patch.Headers.Contains("X-Sheet-Warning").Should().BeFalse();
        }

        var update = await http.GetFromJsonAsync<JsonObject>($"/api/sandbox/calls?instanceId={Uri.EscapeDataString("ticket-update:" + id)}");
        update!["calls"]!.AsArray().Should().Contain(c => c!["connector"]!.GetValue<string>() == "GoogleSheets"
            && c["request"]!.ToJsonString().Contains("En cours", StringComparison.Ordinal), "the sheet row follows a status change made over the API");

        var reply = Message("RE: " + subject, "Toujours bloqué, avez-vous des nouvelles ?");
        reply.InReplyTo = first.MessageId;
        reply.References.Add(first.MessageId!);
        await DeliverAsync(reply);

        var threaded = await WaitAsync(async () =>
        {
            var t = await http.GetFromJsonAsync<JsonObject>($"/api/mail/tickets/{id}");
            return t!["entries"]!.AsArray().Count == 2 ? t : null;
        });
        threaded["entries"]![1]!["messageId"]!.GetValue<string>().Should().Be(reply.MessageId!.ToLowerInvariant());
        (await TicketsWithSubjectAsync(subject)).Should().HaveCount(1, "the duplicate and the reply open no ticket of their own");
    }

    [Fact]
    public async Task OutOfOffice_AndBounce_OpenNoTicket_AndAreRecordedWithTheirReason()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ooo = Message("Réponse automatique : absent " + tag, "Je suis absent jusqu'au 5 janvier.");
        ooo.Headers.Add("Auto-Submitted", "auto-replied");
        var normal = Message("Question facture " + tag, "Bonjour, pouvez-vous me renvoyer la facture de novembre ?");
        await DeliverAsync(ooo, normal);

        await TicketWithSubjectAsync("Question facture " + tag);
        var outcomes = await WaitAsync(async () =>
        {
            var stats = await http.GetFromJsonAsync<JsonObject>("/api/mail/statistics");
            return stats!["byOutcome"]!["AutoReply"] is not null ? stats : null;
        });
        outcomes["byOutcome"]!["AutoReply"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(1);
        (await TicketsWithSubjectAsync("absent " + tag)).Should().BeEmpty();
    }

    private static MimeMessage Message(string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Léa Bernard", "lea.bernard@example.com"));
        message.To.Add(new MailboxAddress("Support", "support@example.com"));
        message.Subject = subject;
        message.MessageId = $"{Guid.NewGuid():N}@client.example.com";
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    private async Task DeliverAsync(params MimeMessage[] messages)
    {
        using var client = await ConnectAsync();
        var target = await client.GetFolderAsync(folder);
        foreach (var message in messages)
        {
            await target.AppendAsync(message, MessageFlags.None);
        }

        await client.DisconnectAsync(true);
    }

    /// <summary>The sandbox calls of the email-ticket instance that opened the ticket, once it has a sheet row call.</summary>
    private async Task<List<JsonObject>?> SandboxCallsOfTicketAsync(string ticketId)
    {
        var page = await http.GetFromJsonAsync<JsonObject>("/api/instances?workflowId=email-ticket&limit=1000");
        foreach (var instance in page!["items"]!.AsArray())
        {
            var calls = await http.GetFromJsonAsync<JsonObject>($"/api/sandbox/calls?instanceId={Uri.EscapeDataString(instance!["instanceId"]!.GetValue<string>())}");
            var items = calls!["calls"]!.AsArray().OfType<JsonObject>().ToList();
            if (items.Any(c => c["connector"]!.GetValue<string>() == "GoogleSheets" && c["request"]!.ToJsonString().Contains(ticketId, StringComparison.Ordinal))
                && items.Any(c => c["connector"]!.GetValue<string>() == "Teams"))
            {
                return items;
            }
        }

        return null;
    }

    private async Task<JsonObject> TicketWithSubjectAsync(string subject) =>
        await WaitAsync(async () => (await TicketsWithSubjectAsync(subject)).FirstOrDefault());

    private async Task<List<JsonObject>> TicketsWithSubjectAsync(string subject)
    {
        var page = await http.GetFromJsonAsync<JsonObject>("/api/mail/tickets?limit=1000");
        return page!["items"]!.AsArray().OfType<JsonObject>().Where(t => t["subject"]!.GetValue<string>().Contains(subject, StringComparison.Ordinal)).ToList();
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The agent did not produce the expected result within 60 s.");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync(Env("SERVERLESS_TEST_IMAP_HOST"), int.Parse(Env("SERVERLESS_TEST_IMAP_PORT"), CultureInfo.InvariantCulture), SecureSocketOptions.None);
        await client.AuthenticateAsync(Env("SERVERLESS_TEST_IMAP_USER"), Env("SERVERLESS_TEST_IMAP_PASSWORD"));
        return client;
    }

    private static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: start the local mail servers with `scripts/services.sh up` and `source .services/env`.");
}
