using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Connectors.GoogleSheets;

namespace Serverless.Connectors.Sandbox;

/// <summary>Google Sheets in sandbox mode: records the documented request (no token, no service account) and answers
/// like a sheet the connector has not written to yet: nothing found, an appended row at a deterministic row number
/// (2 to 1001, from the idempotency key), an update at the row it names.</summary>
internal sealed class SandboxGoogleSheetsClient(SandboxRecorder recorder, GoogleSheetsOptions options) : IGoogleSheetsClient
{
    private const string Connector = GoogleSheetsOptions.ConnectorName;
    private const string SandboxSpreadsheet = "sandbox-spreadsheet";

    private string SpreadsheetId => string.IsNullOrWhiteSpace(options.SpreadsheetId) ? SandboxSpreadsheet : options.SpreadsheetId;

    public async Task<GoogleSheetsRow> AppendRowAsync(string range, IReadOnlyList<string?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var number = 2 + (int)(ulong.Parse(SandboxIds.Numeric(recorder.Context.IdempotencyKey, $"sheets-row:{range}"), CultureInfo.InvariantCulture) % 1000);
        var row = new GoogleSheetsRow(RowRange(range, number, values.Count), number);
        await recorder.RecordAsync(Connector, nameof(AppendRowAsync),
            Call("POST", $"{GoogleSheetsPayloads.ValuesPath(SpreadsheetId, range)}:append?{GoogleSheetsPayloads.AppendQuery}", GoogleSheetsPayloads.Row(range, values)),
            Result(row, values.Count), cancellationToken);
        return row;
    }

    public async Task<GoogleSheetsRow> UpdateRowAsync(string range, IReadOnlyList<string?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var row = new GoogleSheetsRow(range, GoogleSheetsPayloads.RowOf(range));
        await recorder.RecordAsync(Connector, nameof(UpdateRowAsync),
            Call("PUT", $"{GoogleSheetsPayloads.ValuesPath(SpreadsheetId, range)}?{GoogleSheetsPayloads.UpdateQuery}", GoogleSheetsPayloads.Row(range, values)),
            Result(row, values.Count), cancellationToken);
        return row;
    }

    public async Task<int?> FindRowAsync(string sheet, string column, string value, CancellationToken cancellationToken)
    {
        var range = GoogleSheetsPayloads.ColumnRange(sheet, column);
        var request = Call("GET", GoogleSheetsPayloads.ValuesPath(SpreadsheetId, range), null);
        request["find"] = value;
        await recorder.RecordAsync(Connector, nameof(FindRowAsync), request,
            new JsonObject { ["range"] = range, ["majorDimension"] = "ROWS", ["rowNumber"] = null }, cancellationToken);
        return null;
    }

    /// <summary>"Tickets!A:K" appended at row 7 with 11 values: "Tickets!A7:K7".</summary>
    private static string RowRange(string range, int row, int count)
    {
        var bang = range.LastIndexOf('!');
        var sheet = bang >= 0 ? range[..(bang + 1)] : "";
        var start = new string(range[(bang + 1)..].TakeWhile(char.IsAsciiLetter).ToArray());
        var first = start.Length == 0 ? 1 : ColumnNumber(start);
        return $"{sheet}{ColumnName(first)}{row}:{ColumnName(first + Math.Max(count, 1) - 1)}{row}";
    }

    private static int ColumnNumber(string letters) => letters.ToUpperInvariant().Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));

    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }

    private static JsonObject Call(string method, string path, JsonObject? body) =>
        new() { ["method"] = method, ["path"] = "/v4/" + path, ["body"] = body };

    private JsonObject Result(GoogleSheetsRow row, int count) => new()
    {
        ["spreadsheetId"] = SpreadsheetId,
        ["updatedRange"] = row.UpdatedRange,
        ["updatedRows"] = 1,
        ["updatedColumns"] = count,
        ["rowNumber"] = row.RowNumber,
    };
}
