namespace Serverless.Connectors.GoogleSheets;

/// <summary>A row the connector wrote: the A1 range Sheets reports as updated ("Tickets!A5:K5") and its 1-based row number.</summary>
public sealed record GoogleSheetsRow(string UpdatedRange, int RowNumber);
