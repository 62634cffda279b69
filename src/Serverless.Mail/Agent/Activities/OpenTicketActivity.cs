using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Mail.Tickets;
using Serverless.Runtime.Abstractions;

namespace Serverless.Mail.Agent.Activities;

/// <summary>Step 4: the ticket row with the seed's columns. The message's dedup key opens at most one ticket, whatever
/// the number of attempts, pollers or mailboxes; "Traité par" comes from Mail:Agent:Assignees; the notes carry what a
/// person should check (low confidence, refused attachments, parts that could not be read). A dry run opens nothing
/// and says which ticket it would have opened.</summary>
internal sealed class OpenTicketActivity(ITicketStore tickets, MailOutcomes outcomes, IOptions<MailAgentOptions> options, TimeProvider time) : IActivity
{
    public string Name => MailAgentNames.OpenTicket;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var dedupKey = ActivityInput.Required(context, "dedupKey");
        var category = ActivityInput.Required(context, "category");
        var priority = ActivityInput.Required(context, "priority");
        var entry = TicketEntries.FromInput(context, time);
        options.Value.Assignees.TryGetValue(category, out var handledBy);
        var ticket = new NewTicket(dedupKey, entry.Date, ActivityInput.Optional(context, "senderName") ?? entry.From, entry.From,
            entry.Subject, category, priority, Description(context, entry.Text), entry, handledBy, Notes(context));
        if (context.DryRun)
        {
            return new JsonObject { ["ticketId"] = null, ["created"] = false, ["dryRun"] = true, ["category"] = category, ["priority"] = priority, ["handledBy"] = handledBy };
        }

        var opened = await tickets.OpenAsync(ticket, cancellationToken);
        if (opened.Created)
        {
            await outcomes.RecordAsync(new MailOutcome(time.GetUtcNow(), dedupKey, ActivityInput.Optional(context, "mailbox") ?? "",
                MailOutcomeKinds.Opened, "new ticket", opened.Ticket.Id, category, priority), cancellationToken);
        }

        return new JsonObject
        {
            ["ticketId"] = opened.Ticket.Id,
            ["created"] = opened.Created,
            ["category"] = opened.Ticket.Category,
            ["priority"] = opened.Ticket.Priority,
            ["handledBy"] = opened.Ticket.HandledBy,
        };
    }

    private static string Description(ActivityContext context, string text)
    {
        var description = new StringBuilder(text.Trim());
        var attachments = ActivityInput.Array(context, "attachments").OfType<JsonObject>().ToList();
        if (attachments.Count > 0)
        {
            description.AppendLine().AppendLine().AppendLine("Pièces jointes :");
            foreach (var a in attachments)
            {
                description.Append("- ").Append(a["name"]).Append(" (").Append(a["contentType"]).Append(", ")
                    .Append(((long?)a["size"] ?? 0).ToString("N0", CultureInfo.InvariantCulture)).Append(" octets)");
                description.AppendLine(a["refused"] is { } refused ? $" : refusée, {refused}" : "");
            }
        }

        return description.ToString().TrimEnd();
    }

    private static string? Notes(ActivityContext context)
    {
        var lines = ActivityInput.Array(context, "reasons").Concat(ActivityInput.Array(context, "problems"))
            .Select(n => n?.ToString()).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }
}
