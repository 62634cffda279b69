using Microsoft.Extensions.Logging;
using Serverless.Connectors.GoogleSheets;
using Serverless.Connectors.Selection;
using Serverless.Runtime.Abstractions;

namespace Serverless.Mail.Tickets;

/// <summary>After a change made over the API (PATCH), the ticket's sheet row follows. The change is already stored:
/// a sheet that cannot be written is logged and reported in the answer, and the next change (or a workflow step)
/// writes the row again. Sandbox calls are recorded under the instance id "ticket-update:{ticket id}".</summary>
public sealed partial class TicketSheetSync(TicketSheetMirror mirror, IConnectorProvider<IGoogleSheetsClient> sheets, ILogger<TicketSheetSync> logger)
{
    /// <returns>Null when the row was written or the mirror is off; else why it was not.</returns>
    public async Task<string?> SyncAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!mirror.Enabled)
        {
            return null;
        }

        var context = new ActivityContext($"ticket-update:{ticket.Id}", "mail.ticket-update", "sheet", $"ticket-update:{ticket.Id}:{ticket.History.Count}", 1, null, DryRun: false);
        try
        {
            await mirror.MirrorAsync(ticket, sheets.For(context), cancellationToken);
            return null;
        }
        catch (Exception e) when (e is ActivityException or HttpRequestException)
        {
            SheetFailed(logger, ticket.Id, e.Message);
            return $"ticket saved; its Google Sheet row was not written: {e.Message}";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {TicketId} saved; its sheet row was not written: {Reason}")]
    private static partial void SheetFailed(ILogger logger, string ticketId, string reason);
}
