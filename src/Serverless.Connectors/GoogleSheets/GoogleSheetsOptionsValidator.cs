using Microsoft.Extensions.Options;
using Serverless.Connectors.DependencyInjection;

namespace Serverless.Connectors.GoogleSheets;

/// <summary>No service account is valid (sandbox); a set one must parse, sign and come with a spreadsheet id.</summary>
internal sealed class GoogleSheetsOptionsValidator : IValidateOptions<GoogleSheetsOptions>
{
    public ValidateOptionsResult Validate(string? name, GoogleSheetsOptions options)
    {
        const string s = GoogleSheetsOptions.SectionName;
        var problems = new List<string>();
        SettingChecks.AbsoluteHttpUrl(problems, $"{s}:BaseUrl", options.BaseUrl);
        SettingChecks.AbsoluteHttpUrl(problems, $"{s}:TokenUrl", options.TokenUrl, required: false);
        if (options.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(options.ServiceAccountJson) && !string.IsNullOrWhiteSpace(options.ServiceAccountFile))
            {
                problems.Add($"{s}:ServiceAccountJson and {s}:ServiceAccountFile are both set: set one.");
            }

            SettingChecks.Required(problems, $"{s}:SpreadsheetId", options.SpreadsheetId, "rows need a spreadsheet");
            GoogleServiceAccount.Read(options, problems);
        }

        problems.AddRange(options.RateLimit.Problems(s));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
