using Microsoft.Extensions.Options;

namespace Serverless.Approvals.Configuration;

/// <summary>Fails start-up naming the setting at fault; secrets are named, never echoed.</summary>
internal sealed class ApprovalOptionsValidator : IValidateOptions<ApprovalOptions>
{
    public const int MinKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, ApprovalOptions options)
    {
        const string s = ApprovalOptions.SectionName;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            problems.Add($"{s}:SigningKey is missing: set a random secret of at least {MinKeyLength} characters (Key Vault reference in Azure).");
        }
        else if (options.SigningKey.Length < MinKeyLength)
        {
            problems.Add($"{s}:SigningKey is too short: at least {MinKeyLength} characters.");
        }

        if (options.PreviousSigningKeys.Any(k => string.IsNullOrWhiteSpace(k) || k.Length < MinKeyLength))
        {
            problems.Add($"{s}:PreviousSigningKeys holds a key shorter than {MinKeyLength} characters.");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{s}:BaseUrl = '{options.BaseUrl}' is not an absolute http(s) URL.");
        }

        if (!ApprovalTexts.IsSupported(options.Language))
        {
            problems.Add($"{s}:Language = '{options.Language}' is not supported: use fr or en.");
        }

        if (options.LinkLifetime <= TimeSpan.Zero)
        {
            problems.Add($"{s}:LinkLifetime must be positive (was {options.LinkLifetime}).");
        }

        if (!Uri.TryCreate(options.Slack.ApiBaseUrl, UriKind.Absolute, out _))
        {
            problems.Add($"{s}:Slack:ApiBaseUrl = '{options.Slack.ApiBaseUrl}' is not an absolute URL.");
        }

        if (options.Slack.RateLimit.PermitLimit < 1 || options.Slack.RateLimit.TokensPerPeriod < 1
            || options.Slack.RateLimit.ReplenishmentPeriod <= TimeSpan.Zero || options.Slack.RateLimit.QueueLimit < 0)
        {
            problems.Add($"{s}:Slack:RateLimit needs PermitLimit and TokensPerPeriod >= 1, a positive ReplenishmentPeriod and QueueLimit >= 0.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
