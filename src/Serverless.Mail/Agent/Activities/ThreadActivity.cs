using System.Text.Json.Nodes;
using Serverless.Mail.Tickets;
using Serverless.Runtime.Abstractions;

namespace Serverless.Mail.Agent.Activities;

/// <summary>Step 2: a reply joins its ticket instead of opening a new one. The ticket is found by the number in the
/// subject ([TKT-2026-000123]) or by In-Reply-To / References naming one of its messages; the message is appended
/// once (its dedup key is claimed), a resolved ticket reopens. Output threaded = false when no ticket matches.</summary>
internal sealed class ThreadActivity(ITicketStore tickets, MailOutcomes outcomes, TimeProvider time) : IActivity
{
    public string Name => MailAgentNames.Thread;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var (ticket, matchedBy) = await FindAsync(context, cancellationToken);
        if (ticket is null)
        {
            return new JsonObject { ["threaded"] = false };
        }

        var appended = false;
        if (!context.DryRun)
        {
            var dedupKey = ActivityInput.Required(context, "dedupKey");
            var result = await tickets.AppendAsync(ticket.Id, dedupKey, TicketEntries.FromInput(context, time), cancellationToken);
            if (result is not null)
            {
                ticket = result.Ticket;
                appended = result.Appended;
            }

            await outcomes.RecordAsync(new MailOutcome(time.GetUtcNow(), dedupKey, ActivityInput.Optional(context, "mailbox") ?? "",
                MailOutcomeKinds.Appended, $"reply to {ticket.Id} ({matchedBy})", ticket.Id, ticket.Category, ticket.Priority), cancellationToken);
        }

        return new JsonObject
        {
            ["threaded"] = true,
            ["ticketId"] = ticket.Id,
            ["matchedBy"] = matchedBy,
            ["appended"] = appended,
            ["status"] = ticket.Status,
            ["category"] = ticket.Category,
            ["priority"] = ticket.Priority,
            ["subject"] = ticket.Subject,
            ["entries"] = ticket.Entries.Count,
        };
    }

    private async Task<(Ticket? Ticket, string MatchedBy)> FindAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (ActivityInput.Optional(context, "ticketNumber") is { } number && await tickets.GetAsync(number, cancellationToken) is { } byNumber)
        {
            return (byNumber, $"ticket number {number} in the subject");
        }

        foreach (var id in ActivityInput.Array(context, "messageIds").Select(n => n?.ToString()).OfType<string>())
        {
            if (await tickets.FindByMessageAsync(id, cancellationToken) is { } byMessage)
            {
                return (byMessage, $"In-Reply-To/References <{id}>");
            }
        }

        return (null, "");
    }
}
