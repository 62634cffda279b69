using System.Globalization;
using Microsoft.Extensions.Options;
using Serverless.Connectors.GoogleSheets;

namespace Serverless.Mail.Tickets;

/// <summary>Writes a ticket's row in the Google Sheet: the row whose column A holds the ticket id is updated, else a
/// row is appended. Looking first makes a retry (or a second host) update the row it appended instead of adding a
/// duplicate.</summary>
public sealed class TicketSheetMirror(IOptions<TicketSheetOptions> options)
{
    /// <summary>The seed's columns, A to K.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["ID", "Date", "Expéditeur", "Email", "Sujet", "Catégorie", "Priorité", "Statut", "Description", "Traité par", "Notes"];

    // A Sheets cell holds at most 50,000 characters.
    private const int MaxCell = 45_000;

    public bool Enabled => options.Value.Enabled;

    public async Task<SheetMirrorResult> MirrorAsync(Ticket ticket, IGoogleSheetsClient sheets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(sheets);
        var sheet = Quoted(options.Value.Sheet);
        var values = Row(ticket);
        var row = await sheets.FindRowAsync(options.Value.Sheet, "A", ticket.Id, cancellationToken);
        if (row is { } number)
        {
            var updated = await sheets.UpdateRowAsync($"{sheet}!A{number}:K{number}", values, cancellationToken);
            return new SheetMirrorResult("updated", updated.RowNumber, updated.UpdatedRange);
        }

        var appended = await sheets.AppendRowAsync($"{sheet}!A:K", values, cancellationToken);
        return new SheetMirrorResult("appended", appended.RowNumber, appended.UpdatedRange);
    }

    public static IReadOnlyList<string?> Row(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return
        [
            ticket.Id,
            ticket.Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ticket.SenderName,
            ticket.Email,
            ticket.Subject,
            ticket.Category,
            ticket.Priority,
            ticket.Status,
            ticket.Description.Length <= MaxCell ? ticket.Description : ticket.Description[..MaxCell] + " […]",
            ticket.HandledBy ?? "",
            ticket.Notes ?? "",
        ];
    }

    // A tab name with spaces or punctuation is quoted in A1 notation, a quote inside doubled.
    private static string Quoted(string sheet) =>
        sheet.All(char.IsAsciiLetterOrDigit) ? sheet : "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>What the mirror did: "appended" or "updated", at which row and range.</summary>
public sealed record SheetMirrorResult(string Action, int Row, string Range);
