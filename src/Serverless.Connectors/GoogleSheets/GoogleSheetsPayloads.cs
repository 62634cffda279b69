using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;

namespace Serverless.Connectors.GoogleSheets;

/// <summary>Sheets API v4 paths, ValueRange bodies and A1 ranges; shared by the real client and the sandbox record.</summary>
internal static class GoogleSheetsPayloads
{
    public const string AppendQuery = "valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS";
    public const string UpdateQuery = "valueInputOption=USER_ENTERED";

    public static string ValuesPath(string spreadsheetId, string range) =>
        $"spreadsheets/{Uri.EscapeDataString(spreadsheetId)}/values/{Uri.EscapeDataString(range)}";

    /// <summary>{range, majorDimension: ROWS, values: [[...]]}: one row.</summary>
    public static JsonObject Row(string range, IReadOnlyList<string?> values) => new()
    {
        ["range"] = range,
        ["majorDimension"] = "ROWS",
        ["values"] = new JsonArray(new JsonArray(values.Select(v => (JsonNode?)(v is null ? null : JsonValue.Create(Cell(v)))).ToArray())),
    };

    /// <summary>USER_ENTERED parses what it is given as if typed: "=HYPERLINK(...)" in an email subject would become a
    /// live formula. A leading apostrophe makes Sheets keep text as text (and it is not shown), so cell text that would
    /// start a formula gets one; numbers, dates and other text are left for Sheets to parse.</summary>
    public static string Cell(string value) =>
        value.Length > 0 && (value[0] is '=' or '+' or '@' || (value[0] == '-' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            ? "'" + value
            : value;

    /// <summary>"{sheet}!{column}:{column}", the sheet name quoted when A1 notation needs it ('Ticket rows'!B:B).</summary>
    public static string ColumnRange(string sheet, string column) => $"{QuoteSheet(sheet)}!{column}:{column}";

    public static string QuoteSheet(string sheet) =>
        sheet.Length > 0 && (sheet[0] == '\'' || sheet.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            ? sheet
            : $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>The row of the first cell of an A1 range: "Tickets!A5:K5" is 5, "'A!B'!C7" is 7.</summary>
    public static int RowOf(string range)
    {
        var cells = range[(range.LastIndexOf('!') + 1)..];
        var first = cells.Split(':')[0];
        var digits = new string(first.SkipWhile(char.IsAsciiLetter).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0
            ? row
            : throw new ActivityException(ErrorKinds.Permanent, $"Google Sheets answered with a range without a row: '{range}'.");
    }

    /// <summary>The 1-based row of the first cell equal to the value in a one-column ValueRange; empty rows are [] or absent.</summary>
    public static int? FindInColumn(JsonNode? valueRange, string value)
    {
        if (valueRange?["values"] is not JsonArray rows)
        {
            return null;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is JsonArray { Count: > 0 } row && row[0] is JsonValue cell && cell.ToString() == value)
            {
                return RangeStart(valueRange) + i;
            }
        }

        return null;
    }

    /// <summary>The row a returned ValueRange starts at ("Tickets!B1:B1000" -> 1; "Tickets!B3:B9" -> 3).</summary>
    private static int RangeStart(JsonNode valueRange) =>
        valueRange["range"] is JsonValue r && r.TryGetValue<string>(out var range) && TryRowOf(range, out var row) ? row : 1;

    private static bool TryRowOf(string range, out int row)
    {
        try
        {
            row = RowOf(range);
            return true;
        }
        catch (ActivityException)
        {
            row = 0;
            return false;
        }
    }
}
