using System.Diagnostics;
using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Serverless.Connectors.DependencyInjection;
using Serverless.Mail;
using Serverless.Mail.Tickets;
using Serverless.Runtime.Hosting;

// Messages are appended to a fresh folder of the local Dovecot at a steady rate (--rate per second, --messages in
// all), and the embedded runtime with the email ticket agent as it ships (IDLE + poll, parse, screen, thread,
// classify, ticket, sandboxed notifications) turns them into tickets. Printed: the throughput from the first
// delivery to the last ticket, and per message the time from its delivery to its ticket (p50, p95, p99, max).
var messages = Arg("--messages", 1000);
var rate = Arg("--rate", 60);
var root = FindRoot();
var folderName = "bench" + Guid.NewGuid().ToString("N")[..12];
var data = Path.Combine(Path.GetTempPath(), "mail-bench-" + Guid.NewGuid().ToString("N")[..8]);
var workflows = Path.Combine(data, "workflows");
Directory.CreateDirectory(workflows);
File.Copy(Path.Combine(root, "workflows", "mail", "email-ticket.json"), Path.Combine(workflows, "email-ticket.json"));

using (var admin = await ConnectAsync())
{
    await admin.GetFolder(admin.PersonalNamespaces[0]).CreateAsync(folderName, isMessageFolder: true);
    await admin.DisconnectAsync(true);
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Runtime:DataFolder"] = Path.Combine(data, "runtime"),
    ["Runtime:WorkflowsFolder"] = workflows,
    ["Runtime:Scheduler:Enabled"] = "false",
    ["Runtime:PollInterval"] = "00:00:00.020",
    ["Storage:DataFolder"] = Path.Combine(data, "storage"),
    ["Storage:Blobs:Provider"] = "files",
    ["Connectors:Sandbox:DatabasePath"] = Path.Combine(data, "sandbox-calls.db"),
    ["Mail:Mailboxes:bench:Host"] = Env("SERVERLESS_TEST_IMAP_HOST"),
    ["Mail:Mailboxes:bench:Port"] = Env("SERVERLESS_TEST_IMAP_PORT"),
    ["Mail:Mailboxes:bench:Security"] = "None",
    ["Mail:Mailboxes:bench:User"] = Env("SERVERLESS_TEST_IMAP_USER"),
    ["Mail:Mailboxes:bench:Password"] = Env("SERVERLESS_TEST_IMAP_PASSWORD"),
    ["Mail:Mailboxes:bench:Folder"] = folderName,
    ["Mail:PollInterval"] = "00:00:01",
    ["Mail:Agent:TeamRecipients:0"] = "team@example.com",
    ["Mail:Agent:SlackPriorities:0"] = "Critique",
    ["Mail:Classification:CategoryModelPath"] = Path.Combine(root, "models", "email-category.json"),
    ["Mail:Classification:PriorityModelPath"] = Path.Combine(root, "models", "email-priority.json"),
});

// Any --Section:Key=value argument overrides a setting (e.g. --Runtime:ActivityWorkers=32), to compare one change.
builder.Configuration.AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray());
builder.Services.AddWorkflowRuntime(builder.Configuration).AddConnectors(builder.Configuration)
    .AddMail(builder.Configuration).AddMailboxMonitor();
using var app = builder.Build();
await app.StartAsync();
var tickets = app.Services.GetRequiredService<ITicketStore>();

var delivered = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
var samples = Samples();
var clock = Stopwatch.StartNew();
using (var client = await ConnectAsync())
{
    var folder = await client.GetFolderAsync(folderName);
    for (var i = 0; i < messages; i++)
    {
        var due = TimeSpan.FromSeconds((double)i / rate);
        if (due > clock.Elapsed)
        {
            await Task.Delay(due - clock.Elapsed);
        }

        var message = Sample(samples[i % samples.Length], i);
        await folder.AppendAsync(message, MessageFlags.None);
        delivered[message.MessageId!] = DateTimeOffset.UtcNow;
    }

    await client.DisconnectAsync(true);
}

var deliveredIn = clock.Elapsed;
var opened = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
var deadline = DateTime.UtcNow.AddMinutes(5);
while (opened.Count < messages && DateTime.UtcNow < deadline)
{
    await Task.Delay(250);
    opened.Clear();
    string? token = null;
    do
    {
        var page = await tickets.ListAsync(new TicketFilter(), 1000, token, CancellationToken.None);
        foreach (var t in page.Items)
        {
            opened[t.Entries[0].MessageId] = t.History[0].At;
        }

        token = page.ContinuationToken;
    }
    while (token is not null);
}

var latencies = delivered.Where(d => opened.ContainsKey(d.Key)).Select(d => (opened[d.Key] - d.Value).TotalMilliseconds).Order().ToList();
var last = opened.Values.Max();
var first = delivered.Values.Min();
var total = (last - first).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"mail agent: {messages} messages delivered at {rate}/s to Dovecot in {deliveredIn.TotalSeconds:0.0} s; {opened.Count} tickets, {Environment.ProcessorCount} cores"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"throughput: {opened.Count / total:0.0} messages/s from the first delivery to the last ticket ({total:0.0} s)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"delivery to ticket: p50 {P(0.50):0} ms, p95 {P(0.95):0} ms, p99 {P(0.99):0} ms, max {latencies[^1]:0} ms"));
await app.StopAsync();
try
{
    Directory.Delete(data, recursive: true);
}
catch (IOException)
{
}

return opened.Count == messages ? 0 : 1;

double P(double q) => latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Count) - 1, 0, latencies.Count - 1)];

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static (string Subject, string Body)[] Samples() =>
[
    ("Erreur 500 à l'export", "Bonjour, depuis hier l'export PDF des plannings renvoie une erreur 500. Pouvez-vous regarder ?"),
    ("Invoice question", "Hello, our invoice for November shows 12 seats but we only have 10 users. Could you correct it?"),
    ("Demande de devis", "Bonjour, nous souhaiterions un devis pour 40 licences supplémentaires et une démonstration."),
    ("How do I add a user?", "Hi, where can I invite a new colleague to our workspace? Thanks."),
    ("URGENT site inaccessible", "Plus rien ne fonctionne, le site est inaccessible pour tous nos clients depuis 10 minutes."),
];

static MimeMessage Sample((string Subject, string Body) sample, int i)
{
    var message = new MimeMessage();
    message.From.Add(new MailboxAddress($"Client {i}", $"client{i}@example.com"));
    message.To.Add(new MailboxAddress("Support", "support@example.test"));
    message.Subject = $"{sample.Subject} #{i}";
    message.MessageId = $"bench-{i}-{Guid.NewGuid():N}@example.com";
    message.Date = DateTimeOffset.UtcNow;
    message.Body = new TextPart("plain") { Text = sample.Body + "\n\nCordialement,\nClient " + i };
    return message;
}

static async Task<ImapClient> ConnectAsync()
{
    var client = new ImapClient();
    await client.ConnectAsync(Env("SERVERLESS_TEST_IMAP_HOST"), int.Parse(Env("SERVERLESS_TEST_IMAP_PORT"), CultureInfo.InvariantCulture), SecureSocketOptions.None);
    await client.AuthenticateAsync(Env("SERVERLESS_TEST_IMAP_USER"), Env("SERVERLESS_TEST_IMAP_PASSWORD"));
    return client;
}

static string Env(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: run `scripts/services.sh up && source .services/env` first.");

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("Serverless.sln not found above " + AppContext.BaseDirectory);
}
