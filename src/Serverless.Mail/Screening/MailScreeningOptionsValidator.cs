using Microsoft.Extensions.Options;

namespace Serverless.Mail.Screening;

internal sealed class MailScreeningOptionsValidator : IValidateOptions<MailScreeningOptions>
{
    public ValidateOptionsResult Validate(string? name, MailScreeningOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.OwnAddresses.Count; i++)
        {
            var address = options.OwnAddresses[i]?.Trim() ?? "";
            var at = address.IndexOf('@');
            if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1 || address.Any(char.IsWhiteSpace))
            {
                failures.Add($"Setting '{MailScreeningOptions.SectionName}:OwnAddresses:{i}' must be an email address such as support@example.com.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
