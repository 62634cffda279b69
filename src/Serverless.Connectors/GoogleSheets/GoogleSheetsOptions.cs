using Serverless.Connectors.Resilience;

namespace Serverless.Connectors.GoogleSheets;

/// <summary>Google Sheets settings, bound from "Connectors:GoogleSheets". No service account: the sandbox answers instead.</summary>
public sealed class GoogleSheetsOptions
{
    public const string SectionName = "Connectors:GoogleSheets";
    public const string ConnectorName = "GoogleSheets";

    /// <summary>The HttpClient (and resilience pipeline) of the OAuth token endpoint, apart from the Sheets API's.</summary>
    public const string TokenClientName = "GoogleSheets.OAuth";

    public const string Scope = "https://www.googleapis.com/auth/spreadsheets";

    public string BaseUrl { get; set; } = "https://sheets.googleapis.com/v4/";

    /// <summary>The spreadsheet id (from its URL: /spreadsheets/d/{id}/edit). Required with a service account.</summary>
    public string? SpreadsheetId { get; set; }

    /// <summary>Secret: the service account key file's JSON text. Set this or <see cref="ServiceAccountFile"/>.</summary>
    public string? ServiceAccountJson { get; set; }

    /// <summary>Path of the service account key file (JSON). Set this or <see cref="ServiceAccountJson"/>.</summary>
    public string? ServiceAccountFile { get; set; }

    /// <summary>Where tokens are asked for; empty: the key's token_uri. The JWT's audience is this URL.</summary>
    public string? TokenUrl { get; set; }

    /// <summary>Sheets allows 60 requests per minute per user per project: 10 at once, then one a second.</summary>
    public ConnectorRateLimit RateLimit { get; set; } = new() { PermitLimit = 10, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ServiceAccountJson) || !string.IsNullOrWhiteSpace(ServiceAccountFile);
}
