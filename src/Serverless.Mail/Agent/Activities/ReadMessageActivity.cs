using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MimeKit;
using Serverless.Engine.Definitions;
using Serverless.Mail.Parsing;
using Serverless.Mail.Screening;
using Serverless.Mail.Threading;
using Serverless.Runtime.Abstractions;
using Serverless.Storage.Blobs;

namespace Serverless.Mail.Agent.Activities;

/// <summary>Step 1: the stored .eml is parsed (headers, bodies, attachments), screened (auto-replies, bounces,
/// mailing lists, the agent's own mail) and its thread keys read. Attachments that pass the limits go to the blob
/// store (container mail-attachments); refused ones are listed with the reason. A dry run reads but stores nothing.
/// A stream that is no message at all fails the step as Validation (not retried): a recorded failure, and the
/// mailbox goes on.</summary>
internal sealed class ReadMessageActivity(IBlobStore blobs, EmailParser parser, MessageScreen screen, IOptions<MailAgentOptions> options) : IActivity
{
    public string Name => MailAgentNames.Read;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var container = context.Input?["message"]?["container"]?.ToString() ?? throw Missing(context, "message.container");
        var name = context.Input?["message"]?["name"]?.ToString() ?? throw Missing(context, "message.name");
        var dedupKey = ActivityInput.Required(context, "dedupKey");

        MimeMessage message;
        await using (var download = await blobs.GetAsync(container, name, cancellationToken))
        {
            using var raw = new MemoryStream();
            await download.Content.CopyToAsync(raw, cancellationToken);
            raw.Position = 0;
            try
            {
                message = EmailParser.Load(raw);
            }
            catch (FormatException e)
            {
                throw new ActivityException(ErrorKinds.Validation, $"{container}/{name} is not a readable message: {e.Message}");
            }
        }

        var email = parser.Parse(message);
        var verdict = screen.Screen(message);
        var attachments = new JsonArray();
        foreach (var attachment in email.Attachments)
        {
            attachments.Add(await AttachmentAsync(context, message, dedupKey, attachment, cancellationToken));
        }

        var problems = email.Problems.ToList();
        var text = email.Text;
        var limit = options.Value.MaxDescriptionChars;
        if (text.Length > limit)
        {
            text = text[..limit];
            problems.Add($"The text was cut at {limit} characters (Mail:Agent:MaxDescriptionChars).");
        }

        return new JsonObject
        {
            ["dedupKey"] = dedupKey,
            ["messageId"] = email.MessageId ?? dedupKey,
            ["hasMessageId"] = email.MessageId is not null,
            ["senderName"] = string.IsNullOrWhiteSpace(email.SenderName) ? email.SenderAddress : email.SenderName,
            ["senderAddress"] = email.SenderAddress,
            ["to"] = Strings(email.To),
            ["cc"] = Strings(email.Cc),
            ["date"] = email.Date,
            ["subject"] = email.Subject,
            ["text"] = text,
            ["charsets"] = Strings(email.Charsets),
            ["attachments"] = attachments,
            ["inReplyTo"] = email.InReplyTo,
            ["references"] = Strings(email.References),
            ["problems"] = Strings(problems),
            ["screen"] = new JsonObject
            {
                ["outcome"] = verdict.Outcome.ToString(),
                ["reason"] = verdict.Reason,
                ["failedRecipients"] = Strings(verdict.FailedRecipients),
            },
            ["thread"] = new JsonObject
            {
                ["ticketNumber"] = ThreadKeys.TicketNumberInSubject(email.Subject),
                ["messageIds"] = Strings(ThreadKeys.CandidateMessageIds(email)),
            },
        };
    }

    private async Task<JsonObject> AttachmentAsync(ActivityContext context, MimeMessage message, string dedupKey, ParsedAttachment attachment, CancellationToken cancellationToken)
    {
        var item = new JsonObject
        {
            ["name"] = attachment.FileName,
            ["contentType"] = attachment.ContentType,
            ["size"] = attachment.Size,
        };
        if (attachment.Refused)
        {
            item["refused"] = attachment.RefusedReason;
            return item;
        }

        // The file name stays in the ticket's JSON; the blob name is only the part and a plain extension, which every store accepts.
        var blob = $"{dedupKey}/{attachment.PartIndex}{SafeExtension(attachment.FileName)}";
        if (!context.DryRun)
        {
            await using var content = EmailParser.OpenAttachment(message, attachment);
            await blobs.PutAsync(MailAgentNames.AttachmentContainer, blob, content,
                new BlobPutOptions { ContentType = attachment.ContentType }, cancellationToken);
        }

        item["stored"] = new JsonObject { ["container"] = MailAgentNames.AttachmentContainer, ["name"] = blob, ["dryRun"] = context.DryRun };
        return item;
    }

    private static string SafeExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension.Length is > 1 and <= 10 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension : "";
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    private static ActivityException Missing(ActivityContext context, string name) =>
        new(ErrorKinds.Validation, $"{context.StepKey}: input '{name}' is required.");
}
