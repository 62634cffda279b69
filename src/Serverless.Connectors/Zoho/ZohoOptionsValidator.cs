using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Serverless.Connectors.DependencyInjection;

namespace Serverless.Connectors.Zoho;

/// <summary>No credentials is valid (sandbox). A known data centre, http(s) overrides and a CRM version like v7 are
/// checked always; with any credential set, all three and the Desk orgId must be. Secrets are never echoed.</summary>
internal sealed partial class ZohoOptionsValidator : IValidateOptions<ZohoOptions>
{
    public ValidateOptionsResult Validate(string? name, ZohoOptions options)
    {
        const string s = ZohoOptions.SectionName;
        var problems = new List<string>();
        if (ZohoDataCenters.Find(options.DataCenter) is null)
        {
            problems.Add(ZohoDataCenters.Problem(options.DataCenter));
        }

        SettingChecks.AbsoluteHttpUrl(problems, $"{s}:AccountsBaseAddress", options.AccountsBaseAddress, required: false);
        SettingChecks.AbsoluteHttpUrl(problems, $"{s}:DeskBaseAddress", options.DeskBaseAddress, required: false);
        SettingChecks.AbsoluteHttpUrl(problems, $"{s}:CrmBaseAddress", options.CrmBaseAddress, required: false);
        if (string.IsNullOrWhiteSpace(options.CrmApiVersion) || !CrmVersion().IsMatch(options.CrmApiVersion))
        {
            problems.Add($"{s}:CrmApiVersion = '{options.CrmApiVersion}' is not a Zoho CRM API version: 'v' and a number, like v7 (the default).");
        }

        var credentials = new[] { ("ClientId", options.ClientId), ("ClientSecret", options.ClientSecret), ("RefreshToken", options.RefreshToken) };
        if (credentials.Any(c => !string.IsNullOrWhiteSpace(c.Item2)))
        {
            foreach (var (setting, value) in credentials)
            {
                SettingChecks.Required(problems, $"{s}:{setting}", value,
                    "Zoho needs ClientId, ClientSecret and RefreshToken together (leave all three empty for the sandbox)");
            }

            SettingChecks.Required(problems, $"{s}:OrgId", options.OrgId,
                "Zoho Desk needs the organisation id in the orgId header (Desk: Setup > Developer Space > API)");
        }

        if (!string.IsNullOrWhiteSpace(options.OrgId) && !options.OrgId.Trim().All(char.IsAsciiDigit))
        {
            problems.Add($"{s}:OrgId = '{options.OrgId}' is not a Zoho Desk organisation id (digits only).");
        }

        problems.AddRange(options.RateLimit.Problems(s));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^v[1-9][0-9]?$")]
    private static partial Regex CrmVersion();
}
