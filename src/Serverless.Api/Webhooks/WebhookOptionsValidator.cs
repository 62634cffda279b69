using Microsoft.Extensions.Options;

namespace Serverless.Api.Webhooks;

/// <summary>Fails start-up naming the setting ("Webhooks:ApiKeys:1"), never echoing a key or secret.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        CheckList(failures, options.ApiKeys, nameof(WebhookOptions.ApiKeys), "key");
        CheckList(failures, options.Secrets, nameof(WebhookOptions.Secrets), "secret");
        if (options.SignatureTolerance <= TimeSpan.Zero || options.SignatureTolerance > TimeSpan.FromHours(1))
        {
            failures.Add($"Setting '{WebhookOptions.Setting(nameof(WebhookOptions.SignatureTolerance))}' must be more than zero and at most 01:00:00 (was {options.SignatureTolerance}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckList(List<string> failures, List<string> values, string setting, string what)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (string.IsNullOrWhiteSpace(value) || value.Length < WebhookOptions.MinimumSecretLength || value.Trim().Length != value.Length)
            {
                failures.Add($"Setting '{WebhookOptions.Setting(setting)}:{i}' must be a {what} of at least {WebhookOptions.MinimumSecretLength} characters without surrounding whitespace.");
            }
        }
    }
}
