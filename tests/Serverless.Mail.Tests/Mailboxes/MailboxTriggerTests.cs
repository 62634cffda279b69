using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Interpreter;
using Serverless.Engine.Loading;
using Serverless.Mail.Mailboxes;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Hosting;
using Serverless.Storage.Blobs;
using Serverless.Storage.DependencyInjection;

namespace Serverless.Mail.Tests.Mailboxes;

/// <summary>The mailbox trigger end to end on the real embedded runtime and the real local Dovecot: a message starts
/// the listening workflow once, with the raw message stored, even when two mailboxes receive the same mail.</summary>
public sealed class MailboxTriggerTests
{
    private const string Listener = """
        { "id": "mail-listener", "triggers": [ { "type": "mailbox", "mailbox": "support" }, { "type": "mailbox", "mailbox": "sales" } ],
          "steps": [ { "id": "keep", "type": "set", "variables": { "key": "{{input.dedupKey}}" } } ],
          "output": { "key": "{{input.dedupKey}}", "mailbox": "{{input.mailbox}}" } }
        """;

    [Fact]
    public async Task SameMessageInTwoMailboxes_StartsTheListeningWorkflowOnce_WithTheRawMessageStored()
    {
        await using var support = await TestMailbox.CreateAsync();
        await using var sales = await TestMailbox.CreateAsync();
        var same = TestMailbox.Message("Demande de devis", messageId: $"{Guid.NewGuid():N}@Example.com");
        await support.DeliverAsync(same, TestMailbox.Message("Autre demande"));
        await sales.DeliverAsync(same);
        using var folder = new TempDirectory();
        using var host = await StartAsync(folder.Path, support.Folder, sales.Folder);
        var poller = host.Services.GetRequiredService<MailboxPoller>();

        await poller.PollAsync("support", CancellationToken.None);
        await poller.PollAsync("sales", CancellationToken.None);

        var workflows = host.Services.GetRequiredService<IWorkflowClient>();
        var page = await workflows.ListAsync(new InstanceQuery(WorkflowId: "mail-listener"));
        page.Items.Should().HaveCount(2, "two distinct messages, the shared one counted once");
        var blobs = host.Services.GetRequiredService<IBlobStore>();
        foreach (var item in page.Items)
        {
            var view = await WaitForEndAsync(workflows, item.InstanceId);
            view.Status.Should().Be(InstanceStatus.Completed);
            var name = view.Input!["message"]!["name"]!.GetValue<string>();
            await using var stored = await blobs.GetAsync(WorkflowStartingSink.Container, name, CancellationToken.None);
            using var reader = new StreamReader(stored.Content);
            (await reader.ReadToEndAsync()).Should().Contain("Subject: ");
        }
    }

    private static async Task<IHost> StartAsync(string folder, string supportFolder, string salesFolder)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder });
        var settings = new Dictionary<string, string?>
        {
            ["Runtime:DataFolder"] = folder,
            ["Storage:DataFolder"] = folder,
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:Blobs:Provider"] = "files",
            ["Runtime:WorkflowsFolder"] = Path.Combine(folder, "none"),
            ["Runtime:PollInterval"] = "00:00:00.020",
            ["Runtime:Scheduler:Enabled"] = "false",
        };
        foreach (var (name, imapFolder) in new[] { ("support", supportFolder), ("sales", salesFolder) })
        {
            settings[$"Mail:Mailboxes:{name}:Host"] = TestMailbox.Host;
            settings[$"Mail:Mailboxes:{name}:Port"] = TestMailbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"Mail:Mailboxes:{name}:Security"] = "None";
            settings[$"Mail:Mailboxes:{name}:User"] = TestMailbox.User;
            settings[$"Mail:Mailboxes:{name}:Password"] = TestMailbox.Password;
            settings[$"Mail:Mailboxes:{name}:Folder"] = imapFolder;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var loaded = new WorkflowDefinitionLoader().Load(Listener, "test");
        loaded.Problems.Should().BeEmpty();
        builder.Services
            .AddWorkflowRuntime(builder.Configuration)
            .AddWorkflowDefinition(loaded.Definition!)
            .AddDocumentStore(builder.Configuration)
            .AddBlobStore(builder.Configuration)
            .AddMail(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<InstanceView> WaitForEndAsync(IWorkflowClient workflows, string instanceId)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await workflows.GetAsync(instanceId) is { Status: InstanceStatus.Completed or InstanceStatus.Failed } view)
            {
                return view;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Instance {instanceId} did not end.");
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("mail-trigger-").FullName;

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path, recursive: true);
        }
    }
}
