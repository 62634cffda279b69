using Microsoft.Extensions.Options;
using Serverless.Connectors.HubSpot;

namespace Serverless.Crm.HubSpot;

/// <summary>Checked at start, only when Crm:Provider is HubSpot: the connector has a token, and changes reach us by
/// webhook (a client secret) or by polling (an interval).</summary>
internal sealed class HubSpotCrmOptionsValidator(IOptions<CrmProviderOptions> provider, IOptions<HubSpotOptions> connector) : IValidateOptions<HubSpotCrmOptions>
{
    public ValidateOptionsResult Validate(string? name, HubSpotCrmOptions options)
    {
        if (!provider.Value.IsHubSpot)
        {
            return ValidateOptionsResult.Success;
        }

        const string s = HubSpotCrmOptions.SectionName;
        var problems = new List<string>();
        if (!connector.Value.IsConfigured)
        {
            problems.Add($"{HubSpotOptions.SectionName}:AccessToken is required when Crm:Provider is HubSpot.");
        }

        if (options.PollIntervalSeconds is < 0 or > 86_400)
        {
            problems.Add($"{s}:PollIntervalSeconds = {options.PollIntervalSeconds} must be between 0 (off) and 86400.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret) && options.PollIntervalSeconds == 0)
        {
            problems.Add($"{s}:ClientSecret (webhooks) or {s}:PollIntervalSeconds (polling) must be set, or HubSpot changes never reach the workflows.");
        }

        if (options.MaxPollPages is < 1 or > 99)
        {
            problems.Add($"{s}:MaxPollPages = {options.MaxPollPages} must be between 1 and 99 (HubSpot's search stops at 10,000 results).");
        }

        if (!string.IsNullOrWhiteSpace(options.WebhookUrl) && !Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out _))
        {
            problems.Add($"{s}:WebhookUrl = '{options.WebhookUrl}' is not an absolute URL.");
        }

        foreach (var (setting, value) in new[] { ("StageProperty", options.StageProperty), ("EmailProperty", options.EmailProperty), ("TagsProperty", options.TagsProperty) })
        {
            if (setting == "StageProperty" ? !IsPropertyName(value) : !string.IsNullOrWhiteSpace(value) && !IsPropertyName(value))
            {
                problems.Add($"{s}:{setting} = '{value}' is not a HubSpot property internal name (lower-case letters, digits and _, starting with a letter).");
            }
        }

        foreach (var field in options.OrganisationFields.Concat(options.DealFields).Concat(options.PersonFields).Where(f => !IsPropertyName(f)))
        {
            problems.Add($"{s}: field '{field}' is not a HubSpot property internal name.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    internal static bool IsPropertyName(string? name) =>
        !string.IsNullOrEmpty(name) && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
