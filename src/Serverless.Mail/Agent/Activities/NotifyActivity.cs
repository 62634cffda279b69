using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Email;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Slack;
using Serverless.Connectors.Teams;
using Serverless.Mail.Screening;
using Serverless.Runtime.Abstractions;

namespace Serverless.Mail.Agent.Activities;

/// <summary>Step 5: the team hears about the ticket. Email to Mail:Agent:TeamRecipients (new tickets, and replies with
/// NotifyOnReply), Slack for the priorities in SlackPriorities, Microsoft Teams for those in TeamsPriorities, and, with
/// AcknowledgeSender, an acknowledgement to the sender carrying [TKT-...] so their replies thread. Addresses a bounce
/// reported as failed are skipped. Everything the agent sends carries its own header, so its mail coming back is
/// screened out, never ticketed.</summary>
internal sealed class NotifyActivity(
    IConnectorProvider<IEmailSender> email,
    IConnectorProvider<ISlackWebhook> slack,
    IConnectorProvider<ITeamsWebhook> teams,
    SuppressedRecipients suppressed,
    IOptions<MailAgentOptions> options) : IActivity
{
    public const string Opened = "opened";
    public const string Appended = "appended";

    public string Name => MailAgentNames.Notify;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var kind = ActivityInput.Optional(context, "kind") ?? Opened;
        var ticketId = ActivityInput.Required(context, "ticketId");
        var priority = ActivityInput.Optional(context, "priority") ?? "";
        var o = options.Value;
        var sent = new JsonArray();
        var skipped = new JsonArray();

        if (kind == Opened || o.NotifyOnReply)
        {
            var team = await suppressed.FilterAsync(o.TeamRecipients.Select(r => r.Trim()), cancellationToken);
            foreach (var dropped in o.TeamRecipients.Select(r => r.Trim()).Except(team, StringComparer.OrdinalIgnoreCase))
            {
                skipped.Add($"email to {dropped}: it bounced before");
            }

            if (team.Count > 0)
            {
                var (subject, body) = TeamMessage(context, kind, ticketId, priority);
                await email.For(context).SendAsync(Own(new EmailMessage(team, subject, body, null)), cancellationToken);
                sent.Add("email");
            }
        }

        if (kind == Opened && Listed(o.SlackPriorities, priority))
        {
            var (subject, body) = TeamMessage(context, kind, ticketId, priority);
            await slack.For(context).PostAsync(new SlackMessage($"*{subject}*\n{body}"), cancellationToken);
            sent.Add("slack");
        }

        if (kind == Opened && Listed(o.TeamsPriorities, priority))
        {
            await teams.For(context).PostAsync(TeamsCard(context, ticketId, priority), cancellationToken);
            sent.Add("teams");
        }

        if (kind == Opened && o.AcknowledgeSender && ActivityInput.Optional(context, "senderAddress") is { Length: > 0 } sender)
        {
            if (await suppressed.IsSuppressedAsync(sender, cancellationToken))
            {
                skipped.Add($"acknowledgement to {sender}: it bounced before");
            }
            else
            {
                await email.For(context).SendAsync(Own(Acknowledgement(context, sender, ticketId)), cancellationToken);
                sent.Add("acknowledgement");
            }
        }

        return new JsonObject { ["ticketId"] = ticketId, ["kind"] = kind, ["sent"] = sent, ["skipped"] = skipped };
    }

    private static bool Listed(List<string> priorities, string priority) => priorities.Contains(priority, StringComparer.OrdinalIgnoreCase);

    /// <summary>Marks the agent's own mail: screened out if it ever comes back to a watched mailbox, and
    /// Auto-Submitted so that other agents do not answer it.</summary>
    private static EmailMessage Own(EmailMessage message)
    {
        var headers = new Dictionary<string, string>(message.Headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            [MessageScreen.AgentHeader] = "1",
            ["Auto-Submitted"] = "auto-generated",
        };
        return message with { Headers = headers };
    }

    private static TeamsMessage TeamsCard(ActivityContext context, string ticketId, string priority)
    {
        var excerpt = (ActivityInput.Optional(context, "text") ?? "").Trim();
        return new TeamsMessage($"[{ticketId}] [{priority}] {ActivityInput.Optional(context, "subject")}", excerpt.Length <= 500 ? excerpt : excerpt[..500] + " […]")
        {
            Facts =
            [
                new("Expéditeur", $"{ActivityInput.Optional(context, "senderName")} <{ActivityInput.Optional(context, "senderAddress")}>"),
                new("Catégorie", ActivityInput.Optional(context, "category") ?? ""),
                new("Priorité", priority),
                new("Traité par", ActivityInput.Optional(context, "handledBy") ?? ""),
            ],
        };
    }

    internal static (string Subject, string Body) TeamMessage(ActivityContext context, string kind, string ticketId, string priority)
    {
        var subject = ActivityInput.Optional(context, "subject") ?? "";
        var sender = $"{ActivityInput.Optional(context, "senderName")} <{ActivityInput.Optional(context, "senderAddress")}>";
        var text = new StringBuilder();
        text.Append(kind == Opened ? "Nouveau ticket " : "Nouvelle réponse au ticket ").AppendLine(ticketId);
        text.Append("Expéditeur : ").AppendLine(sender);
        text.Append("Sujet : ").AppendLine(subject);
        text.Append("Catégorie : ").Append(ActivityInput.Optional(context, "category")).Append(" ; priorité : ").AppendLine(priority);
        if (ActivityInput.Optional(context, "handledBy") is { Length: > 0 } handledBy)
        {
            text.Append("Traité par : ").AppendLine(handledBy);
        }

        var excerpt = (ActivityInput.Optional(context, "text") ?? "").Trim();
        if (excerpt.Length > 0)
        {
            text.AppendLine().AppendLine(excerpt.Length <= 1000 ? excerpt : excerpt[..1000] + " […]");
        }

        var prefix = kind == Opened ? "" : "Réponse — ";
        return ($"{prefix}[{ticketId}] [{priority}] {subject}", text.ToString());
    }

    private static EmailMessage Acknowledgement(ActivityContext context, string sender, string ticketId)
    {
        var subject = ActivityInput.Optional(context, "subject") ?? "";
        var body = new StringBuilder()
            .AppendLine("Bonjour,").AppendLine()
            .Append("Votre message « ").Append(subject).Append(" » a bien été reçu et enregistré sous le numéro ").Append(ticketId).AppendLine(".")
            .AppendLine("Pour compléter votre demande, répondez à ce message en gardant le numéro dans l'objet.").AppendLine()
            .AppendLine("Your message has been received as ticket " + ticketId + "; reply to this message to add to it.")
            .ToString();
        var message = new EmailMessage([sender], $"[{ticketId}] {subject}", body, null);

        // In reply to the sender's message, so their client threads it and a reply that loses the [TKT-...] subject
        // still names the ticket's first message in its References.
        return ActivityInput.Optional(context, "messageId") is { Length: > 0 } id && id.Contains('@', StringComparison.Ordinal)
            ? message with { Headers = new Dictionary<string, string> { ["In-Reply-To"] = $"<{id}>", ["References"] = $"<{id}>" } }
            : message;
    }
}
