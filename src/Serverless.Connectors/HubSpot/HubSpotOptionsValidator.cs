using Microsoft.Extensions.Options;
using Serverless.Connectors.DependencyInjection;

namespace Serverless.Connectors.HubSpot;

/// <summary>Empty AccessToken is valid (sandbox); a set token needs the portal id for ticket URLs.</summary>
internal sealed class HubSpotOptionsValidator : IValidateOptions<HubSpotOptions>
{
    public ValidateOptionsResult Validate(string? name, HubSpotOptions options)
    {
        const string s = HubSpotOptions.SectionName;
        var problems = new List<string>();
        SettingChecks.AbsoluteHttpUrl(problems, $"{s}:BaseAddress", options.BaseAddress);
        SettingChecks.AbsoluteHttpUrl(problems, $"{s}:AppBaseAddress", options.AppBaseAddress);
        if (options.IsConfigured)
        {
            SettingChecks.Required(problems, $"{s}:PortalId", options.PortalId, "it is needed with an AccessToken to build ticket URLs");
            SettingChecks.Required(problems, $"{s}:PipelineId", options.PipelineId, "tickets need a pipeline");
            SettingChecks.Required(problems, $"{s}:PipelineStageId", options.PipelineStageId, "tickets need a pipeline stage");
        }

        if (!string.IsNullOrWhiteSpace(options.PortalId) && !options.PortalId.All(char.IsAsciiDigit))
        {
            problems.Add($"{s}:PortalId = '{options.PortalId}' is not a HubSpot account id (digits only).");
        }

        if (!string.IsNullOrWhiteSpace(options.IdempotencyProperty)
            && !(char.IsAsciiLetterLower(options.IdempotencyProperty[0]) && options.IdempotencyProperty.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
        {
            problems.Add($"{s}:IdempotencyProperty = '{options.IdempotencyProperty}' is not a HubSpot property internal name (lower-case letters, digits and _, starting with a letter).");
        }

        problems.AddRange(options.RateLimit.Problems(s));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
