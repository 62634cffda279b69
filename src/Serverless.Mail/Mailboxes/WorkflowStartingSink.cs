using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MimeKit;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Catalog;
using Serverless.Storage.Blobs;

namespace Serverless.Mail.Mailboxes;

/// <summary>The mailbox trigger: each message is stored as it came (its .eml in the blob store) and starts every
/// workflow whose trigger names the mailbox, with an idempotency key derived from the message itself, so the same
/// message read twice (a restart, two pollers, the same mail in two mailboxes) starts one instance per workflow.</summary>
public sealed class WorkflowStartingSink(IWorkflowCatalog catalog, IWorkflowClient workflows, IBlobStore blobs) : IMailboxSink
{
    public const string Container = "mail-messages";

    public bool Listens(string mailbox) => Listeners(mailbox).Any();

    public async Task AcceptAsync(MailboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var listeners = Listeners(message.Mailbox).ToList();
        if (listeners.Count == 0)
        {
            throw new InvalidOperationException($"No workflow listens to mailbox '{message.Mailbox}' any more; the message stays on the server.");
        }

        using var raw = new MemoryStream();
        await message.Message.WriteToAsync(raw, cancellationToken);
        var key = DedupKey(message.Message, raw.ToArray());
        var blob = $"{message.Mailbox}/{key}.eml";
        raw.Position = 0;
        await blobs.PutAsync(Container, blob, raw, new BlobPutOptions { ContentType = "message/rfc822" }, cancellationToken);

        var input = new JsonObject
        {
            ["mailbox"] = message.Mailbox,
            ["uidValidity"] = message.UidValidity,
            ["uid"] = message.Uid,
            ["dedupKey"] = key,
            ["messageId"] = message.Message.MessageId,
            ["message"] = new JsonObject { ["container"] = Container, ["name"] = blob },
        };
        foreach (var definition in listeners)
        {
            await workflows.StartAsync(new StartRequest(definition.Id, input.DeepClone(), IdempotencyKey: $"mail:{key}",
                Trigger: new JsonObject { ["kind"] = TriggerTypes.Mailbox, ["mailbox"] = message.Mailbox }), cancellationToken);
        }
    }

    private IEnumerable<WorkflowDefinition> Listeners(string mailbox) =>
        catalog.List().Where(d => d.Triggers.OfType<MailboxTrigger>().Any(t => t.Mailbox == mailbox || t.Mailbox == MailNames.AnyMailbox));

    /// <summary>"id-" + the SHA-256 of the normalised Message-ID, or "content-" + the SHA-256 of the raw message when
    /// the header is missing or blank: a name every store accepts, the same in every mailbox.</summary>
    public static string DedupKey(MimeMessage message, byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.MessageId?.Trim().Trim('<', '>').Trim();
        return string.IsNullOrEmpty(id)
            ? "content-" + Convert.ToHexStringLower(SHA256.HashData(raw))[..40]
            : "id-" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id.ToLowerInvariant())))[..40];
    }
}
