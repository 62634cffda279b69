using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Connectors.Selection;
using Serverless.Connectors.Zoho;
using Serverless.Helpdesk.Replies;
using Serverless.Runtime.Abstractions;

namespace Serverless.Helpdesk.Activities;

/// <summary>Step 1: the ticket and its threads from Zoho Desk. Gives the candidate's messages as text (newest first,
/// 8,000 characters at most), a summary of the exchanges for the notes, and "today" in Helpdesk:TimeZone (or the
/// input's today, for a replay as of a date) so that every later step decides on the same day.</summary>
internal sealed class ReadTicketActivity(IConnectorProvider<IZohoDeskClient> desk, IOptions<HelpdeskOptions> options, TimeProvider time) : IActivity
{
    private const int MaxText = 8000;

    public string Name => HelpdeskNames.ReadTicket;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var ticketId = ActivityInput.Required(context, "ticketId");
        var client = desk.For(context);
        var ticket = await client.GetTicketAsync(ticketId, cancellationToken);
        var threads = await client.ListThreadsAsync(ticketId, cancellationToken);
        var incoming = threads.Where(t => !t.IsDraft && t.Direction == "in").OrderByDescending(t => t.CreatedTime).ToList();
        var text = new StringBuilder();
        foreach (var thread in incoming)
        {
            text.Append(HtmlText.PlainText(thread.Content ?? thread.Summary ?? "")).Append("\n---\n");
            if (text.Length >= MaxText)
            {
                break;
            }
        }

        if (incoming.Count == 0 && ticket.Description is { } description)
        {
            text.Append(HtmlText.PlainText(description));
        }

        var exchanges = threads.Where(t => !t.IsDraft).OrderBy(t => t.CreatedTime).TakeLast(10).ToList();
        return new JsonObject
        {
            ["ticket"] = new JsonObject
            {
                ["id"] = ticket.Id,
                ["ticketNumber"] = ticket.TicketNumber,
                ["subject"] = ticket.Subject,
                ["status"] = ticket.Status,
                ["departmentId"] = ticket.DepartmentId,
                ["email"] = ticket.Email,
                ["contactName"] = ticket.ContactName,
                ["createdTime"] = ticket.CreatedTime.ToString("O", CultureInfo.InvariantCulture),
            },
            ["text"] = text.Length > MaxText ? text.ToString(0, MaxText) : text.ToString(),
            ["threads"] = threads.Count,
            ["exchangesSummary"] = string.Join("\n", exchanges.Select(t =>
                $"{t.CreatedTime.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} {(t.Direction == "in" ? "candidat" : "école")}: {HtmlText.Cut(HtmlText.PlainText(t.Summary ?? t.Content ?? ""), 160)}")),
            ["today"] = Today(context),
        };
    }

    private string Today(ActivityContext context)
    {
        if (ActivityInput.Optional(context, "today") is { Length: > 0 } given)
        {
            return DateOnly.ParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        return TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
