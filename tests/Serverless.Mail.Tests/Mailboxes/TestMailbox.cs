using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Serverless.Mail.Mailboxes;

namespace Serverless.Mail.Tests.Mailboxes;

/// <summary>A folder of its own in the local Dovecot (scripts/mail-services.sh, env in .services/env) for one test,
/// and the agent's services pointed at it as mailbox "support", with a recording sink in place of the workflow start.</summary>
internal sealed class TestMailbox : IAsyncDisposable
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("mail-tests-").FullName;

    private TestMailbox(string folder) => Folder = folder;

    public string Folder { get; }

    public static string Host => Env("SERVERLESS_TEST_IMAP_HOST");

    public static int Port => int.Parse(Env("SERVERLESS_TEST_IMAP_PORT"), CultureInfo.InvariantCulture);

    public static string User => Env("SERVERLESS_TEST_IMAP_USER");

    public static string Password => Env("SERVERLESS_TEST_IMAP_PASSWORD");

    public static async Task<TestMailbox> CreateAsync()
    {
        var mailbox = new TestMailbox($"t{Guid.NewGuid():N}"[..20]);
        using var client = await ConnectAsync();
        await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(mailbox.Folder, isMessageFolder: true);
        await client.DisconnectAsync(true);
        return mailbox;
    }

    public static async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync(Host, Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    /// <summary>Appends messages to the folder, as a mail delivery would; returns their UIDs.</summary>
    public async Task<IReadOnlyList<uint>> DeliverAsync(params MimeMessage[] messages)
    {
        using var client = await ConnectAsync();
        var folder = await client.GetFolderAsync(Folder);
        var uids = new List<uint>();
        foreach (var message in messages)
        {
            uids.Add((await folder.AppendAsync(message, MessageFlags.None))!.Value.Id);
        }

        await client.DisconnectAsync(true);
        return uids;
    }

    public async Task<IReadOnlyList<(uint Uid, MessageFlags Flags)>> ListAsync(string? folderName = null)
    {
        using var client = await ConnectAsync();
        var folder = await client.GetFolderAsync(folderName ?? Folder);
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var summaries = folder.Count == 0 ? [] : await folder.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Flags);
        await client.DisconnectAsync(true);
        return summaries.Select(s => (s.UniqueId.Id, s.Flags ?? MessageFlags.None)).ToList();
    }

    public async Task CreateFolderAsync(string name)
    {
        using var client = await ConnectAsync();
        await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(name, isMessageFolder: true);
        await client.DisconnectAsync(true);
    }

    /// <summary>The agent's services, as AddMail registers them, pointed at this folder; the data folder is kept
    /// between calls so a second provider is a restart.</summary>
    public ServiceProvider Services(RecordingSink sink, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = dataFolder,
            ["Mail:Mailboxes:support:Host"] = Host,
            ["Mail:Mailboxes:support:Port"] = Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Mailboxes:support:Security"] = "None",
            ["Mail:Mailboxes:support:User"] = User,
            ["Mail:Mailboxes:support:Password"] = Password,
            ["Mail:Mailboxes:support:Folder"] = Folder,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<IMailboxSink>(sink);
        services.AddMail(configuration);
        return services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
        return ValueTask.CompletedTask;
    }

    public static MimeMessage Message(string subject, string from = "lea.bernard@example.com", string? messageId = null, string body = "Bonjour, mon accès ne fonctionne plus.")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Léa Bernard", from));
        message.To.Add(new MailboxAddress("Support", "support@example.com"));
        message.Subject = subject;
        message.MessageId = messageId ?? $"{Guid.NewGuid():N}@example.com";
        message.Date = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    private static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: start the local mail servers with `scripts/services.sh up` and `source .services/env`.");
}

/// <summary>Stands in for the workflow start, recording what the poller hands on (the poller is what is tested).</summary>
internal sealed class RecordingSink : IMailboxSink
{
    public List<MailboxMessage> Accepted { get; } = [];

    public Func<MailboxMessage, Exception?> FailOn { get; set; } = _ => null;

    public bool Listening { get; set; } = true;

    public bool Listens(string mailbox) => Listening;

    public Task AcceptAsync(MailboxMessage message, CancellationToken cancellationToken)
    {
        if (FailOn(message) is { } failure)
        {
            throw failure;
        }

        lock (Accepted)
        {
            Accepted.Add(message);
        }

        return Task.CompletedTask;
    }
}
