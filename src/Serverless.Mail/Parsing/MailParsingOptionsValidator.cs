using Microsoft.Extensions.Options;

namespace Serverless.Mail.Parsing;

/// <summary>Fails start-up naming the setting, e.g. "Setting 'Mail:Parsing:MaxAttachmentBytes' must be positive."</summary>
internal sealed class MailParsingOptionsValidator : IValidateOptions<MailParsingOptions>
{
    public ValidateOptionsResult Validate(string? name, MailParsingOptions options)
    {
        const string at = MailParsingOptions.SectionName;
        var failures = new List<string>();
        if (options.MaxAttachmentBytes <= 0)
        {
            failures.Add($"Setting '{at}:MaxAttachmentBytes' must be positive.");
        }

        if (options.MaxTotalAttachmentBytes <= 0)
        {
            failures.Add($"Setting '{at}:MaxTotalAttachmentBytes' must be positive.");
        }

        if (options.MaxAttachments <= 0)
        {
            failures.Add($"Setting '{at}:MaxAttachments' must be positive.");
        }

        if (options.MaxBodyChars <= 0)
        {
            failures.Add($"Setting '{at}:MaxBodyChars' must be positive.");
        }

        if (options.MaxParts <= 0)
        {
            failures.Add($"Setting '{at}:MaxParts' must be positive.");
        }

        for (var i = 0; i < options.RefusedExtensions.Count; i++)
        {
            var e = options.RefusedExtensions[i];
            if (string.IsNullOrWhiteSpace(e) || e.Trim().TrimStart('.').Length == 0 || e.Trim().TrimStart('.').Contains('.'))
            {
                failures.Add($"Setting '{at}:RefusedExtensions:{i}' must be one extension such as '.exe' (was '{e}').");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
