using System.Text.Json.Nodes;
using Serverless.Connectors.Email;
using Serverless.Connectors.Selection;
using Serverless.Crm.Workflows;
using Serverless.Runtime.Abstractions;

namespace Serverless.Crm.Activities;

/// <summary>crm.send_email: to, cc (one message), bcc (a copy each, so no recipient sees them), subject, body,
/// through IConnectorProvider&lt;IEmailSender&gt; (the sandbox in a dry run or without SMTP settings). The seed's
/// named templates (<see cref="CrmEmailTemplates"/>) are rendered against the run's context when there is no body;
/// an unknown template fails with Validation, naming the known ones.</summary>
public sealed class SendEmailActivity(IConnectorProvider<IEmailSender> email, CrmEmailTemplates templates, TimeProvider time) : IActivity
{
    public string Name => CrmNames.Activity(CrmActionTypes.SendEmail);

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var to = CrmActivityInputs.Addresses(context, "to");
        var cc = CrmActivityInputs.Addresses(context, "cc");
        var bcc = CrmActivityInputs.Addresses(context, "bcc");
        if (to.Count == 0)
        {
            throw CrmCreation.Invalid(context, "input 'to' names no recipient.");
        }

        var subject = ActivityInput.Required(context, "subject");
        var body = ActivityInput.Optional(context, "body") ?? Template(context);

        var sender = email.For(context);
        var receipts = new JsonArray();
        var headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated", ["X-Idempotency-Key"] = context.IdempotencyKey };
        var message = new EmailMessage([.. to, .. cc], subject, body, null) { Headers = headers };
        receipts.Add((await sender.SendAsync(message, cancellationToken)).MessageId);
        foreach (var hidden in bcc)
        {
            receipts.Add((await sender.SendAsync(message with { To = [hidden] }, cancellationToken)).MessageId);
        }

        return new JsonObject
        {
            ["to"] = new JsonArray([.. to.Select(a => (JsonNode)a)]),
            ["cc"] = new JsonArray([.. cc.Select(a => (JsonNode)a)]),
            ["bcc_count"] = bcc.Count,
            ["subject"] = subject,
            ["message_ids"] = receipts,
            ["dry_run"] = context.DryRun,
        };
    }

    private string Template(ActivityContext context)
    {
        if (ActivityInput.Optional(context, "template") is not { } name)
        {
            throw CrmCreation.Invalid(context, "input 'body' (or 'template') is required.");
        }

        return templates.Render(name, context.Input?["template_context"] as JsonObject ?? [], time.GetUtcNow())
            ?? throw CrmCreation.Invalid(context, $"there is no email template '{name}'; known: {string.Join(", ", templates.Names)} (setting Crm:EmailTemplates:{name} adds one).");
    }
}
