using Microsoft.Extensions.Options;

namespace Serverless.Connectors.Teams;

/// <summary>Empty WebhookUrl is valid (sandbox); a set one must be an absolute URL.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var problems = new List<string>();
        // The URL is a secret: name the setting, never echo the value.
        if (options.IsConfigured && (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            problems.Add($"{TeamsOptions.SectionName}:WebhookUrl is not an absolute http(s) URL.");
        }

        problems.AddRange(options.RateLimit.Problems(TeamsOptions.SectionName));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
