namespace Serverless.Connectors.GoogleSheets;

/// <summary>The Google Sheets API v4 value calls the workflows use, on the spreadsheet Connectors:GoogleSheets:SpreadsheetId.
/// Get one from IConnectorProvider&lt;IGoogleSheetsClient&gt;. Ranges are A1 notation ("Tickets!A:K"). Values are
/// sent with valueInputOption=USER_ENTERED, except that text which Sheets would read as a formula (starting with
/// =, +, @, or - when not a number) is sent as plain text. Failures are ActivityExceptions (Unauthorized,
/// RateLimited, Transient, Timeout, Validation, NotFound, ...).</summary>
public interface IGoogleSheetsClient
{
    /// <summary>POST spreadsheets/{id}/values/{range}:append?valueInputOption=USER_ENTERED&amp;insertDataOption=INSERT_ROWS:
    /// one row after the table found in the range. Returns the range written and its row number.</summary>
    Task<GoogleSheetsRow> AppendRowAsync(string range, IReadOnlyList<string?> values, CancellationToken cancellationToken);

    /// <summary>PUT spreadsheets/{id}/values/{range}?valueInputOption=USER_ENTERED: overwrites one row ("Tickets!A5:K5").
    /// A null value leaves its cell as it is.</summary>
    Task<GoogleSheetsRow> UpdateRowAsync(string range, IReadOnlyList<string?> values, CancellationToken cancellationToken);

    /// <summary>GET spreadsheets/{id}/values/{sheet}!{column}:{column}: the 1-based number of the first row whose cell
    /// in that column shows exactly <paramref name="value"/>, or null when none does.</summary>
    Task<int?> FindRowAsync(string sheet, string column, string value, CancellationToken cancellationToken);
}
