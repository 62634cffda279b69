using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Email;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Slack;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Intake.RequestHandler.Activities;

/// <summary>Step 6 (and the contact-failure edge case): emails RequestHandler:AdminRecipients, and posts to Slack when
/// RequestHandler:NotifySlack is on. A reclassified request gets a visible alert in the subject and the first line.</summary>
internal sealed class NotifyAdminActivity(
    IConnectorProvider<IEmailSender> email,
    IConnectorProvider<ISlackWebhook> slack,
    IOptions<RequestHandlerOptions> options) : IActivity
{
    public const string TicketCreated = "ticketCreated";
    public const string ContactFailed = "contactFailed";
    public const string ReclassifiedAlert = "⚠ DEMANDE RECLASSÉE";

    public string Name => RequestHandlerNames.NotifyAdmin;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var kind = ActivityInput.Optional(context, "kind") ?? TicketCreated;
        var (subject, body) = kind == ContactFailed ? ContactFailure(context) : NewTicket(context);
        var recipients = options.Value.AdminRecipients.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
        if (recipients.Count == 0)
        {
            // No default admin. Real email without recipients is refused at start (RequestHandlerOptionsValidator);
            // in sandbox mode or a dry run the email is only recorded, so it goes to a reserved, non-routable address.
            if (email.IsConfigured && !context.DryRun)
            {
                throw new ActivityException(ErrorKinds.Validation, "RequestHandler:AdminRecipients is empty: set at least one address to receive the notifications.");
            }

            recipients.Add(RequestHandlerOptions.SandboxAdminRecipient);
        }

        var receipt = await email.For(context).SendAsync(new EmailMessage(recipients, subject, body, null), cancellationToken);
        var slackPosted = false;
        if (options.Value.NotifySlack)
        {
            await slack.For(context).PostAsync(new SlackMessage($"*{subject}*\n{body}"), cancellationToken);
            slackPosted = true;
        }

        return new JsonObject
        {
            ["kind"] = kind,
            ["subject"] = subject,
            ["recipients"] = new JsonArray(recipients.Select(r => (JsonNode?)r).ToArray()),
            ["messageId"] = receipt.MessageId,
            ["slack"] = slackPosted,
        };
    }

    private static (string Subject, string Body) NewTicket(ActivityContext context)
    {
        var type = ActivityInput.Optional(context, "type");
        var objet = ActivityInput.Optional(context, "objet");
        var reclassified = ActivityInput.Flag(context, "reclassified");
        var text = new StringBuilder();
        if (reclassified)
        {
            var confidence = (ActivityInput.Number(context, "confidence") ?? 0).ToString("0.00", CultureInfo.InvariantCulture);
            text.Append(ReclassifiedAlert).Append(" : formulaire « ").Append(ActivityInput.Optional(context, "source"))
                .Append(" », classée ").Append(type).Append(" par le classifieur ").Append(ActivityInput.Optional(context, "classifier"))
                .Append(" (confiance ").Append(confidence).AppendLine("). Vérifiez le type du ticket.").AppendLine();
        }

        text.Append("Ticket : ").AppendLine(ActivityInput.Optional(context, "ticketUrl"));
        text.Append("Type : ").AppendLine(type);
        text.Append("Objet : ").AppendLine(objet);
        text.Append("Demandeur : ").Append(ActivityInput.Optional(context, "name")).Append(" <").Append(ActivityInput.Optional(context, "email")).AppendLine(">");
        if (ActivityInput.Flag(context, "filesPending"))
        {
            text.Append("Fichiers en attente : ").AppendLine(ActivityInput.Optional(context, "filesPendingReason"));
        }

        if (ActivityInput.Optional(context, "subtaskStatus") == "Failed")
        {
            text.Append("Sous-tâche ClickUp non créée : ").AppendLine(ActivityInput.Optional(context, "subtaskError"));
        }
        else if (ActivityInput.Optional(context, "subtaskUrl") is { } subtask)
        {
            text.Append("Sous-tâche ClickUp : ").AppendLine(subtask);
        }

        var subject = $"{(reclassified ? ReclassifiedAlert + " — " : "")}Nouvelle demande {type} : {objet}";
        return (subject, text.ToString());
    }

    private static (string Subject, string Body) ContactFailure(ActivityContext context)
    {
        var address = ActivityInput.Optional(context, "email");
        var body = new StringBuilder()
            .Append("Le contact HubSpot de ").Append(address).AppendLine(" n'a pas pu être trouvé ni créé ; aucun ticket n'a été créé.")
            .Append("Erreur : ").AppendLine(ActivityInput.Optional(context, "error"))
            .Append("Objet de la demande : ").AppendLine(ActivityInput.Optional(context, "objet"))
            .Append("Instance : ").AppendLine(context.InstanceId)
            .Append("Une fois la cause corrigée, rejouez-la : POST /api/instances/").Append(context.InstanceId).AppendLine("/replay")
            .ToString();
        return ($"Échec de la demande « {ActivityInput.Optional(context, "objet")} » : contact HubSpot non créé", body);
    }
}
