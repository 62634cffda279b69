using System.Text.Json.Nodes;
using Serverless.Connectors.GoogleSheets;
using Serverless.Connectors.Selection;
using Serverless.Mail.Tickets;
using Serverless.Runtime.Abstractions;

namespace Serverless.Mail.Agent.Activities;

/// <summary>Step 5b: the ticket's row in the Google Sheet (Mail:Sheet), found by its id and updated, or appended.
/// Off by default: the step then says so and does nothing. In a dry run, or without Connectors:GoogleSheets, the
/// sandbox records the writes.</summary>
internal sealed class MirrorTicketActivity(ITicketStore tickets, TicketSheetMirror mirror, IConnectorProvider<IGoogleSheetsClient> sheets) : IActivity
{
    public string Name => MailAgentNames.MirrorTicket;

    public async Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var ticketId = ActivityInput.Required(context, "ticketId");
        if (!mirror.Enabled)
        {
            return new JsonObject { ["ticketId"] = ticketId, ["mirrored"] = false, ["reason"] = $"{TicketSheetOptions.SectionName}:Enabled is false" };
        }

        var ticket = await tickets.GetAsync(ticketId, cancellationToken)
            ?? throw new ActivityException(Serverless.Engine.Definitions.ErrorKinds.NotFound, $"No ticket '{ticketId}' to mirror.");
        var result = await mirror.MirrorAsync(ticket, sheets.For(context), cancellationToken);
        return new JsonObject { ["ticketId"] = ticketId, ["mirrored"] = true, ["action"] = result.Action, ["row"] = result.Row, ["range"] = result.Range };
    }
}
