using Microsoft.Extensions.Options;

namespace Serverless.Mail.Mailboxes;

/// <summary>Fails start-up naming the setting (Mail:Mailboxes:support:Host), never echoing a password or token.</summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval < TimeSpan.FromSeconds(1) || options.PollInterval > TimeSpan.FromHours(24))
        {
            failures.Add($"Setting 'Mail:PollInterval' must be from 00:00:01 to 1.00:00:00 (was {options.PollInterval}).");
        }

        if (options.MaxMessagesPerPoll is < 1 or > 10_000)
        {
            failures.Add($"Setting 'Mail:MaxMessagesPerPoll' must be from 1 to 10000 (was {options.MaxMessagesPerPoll}).");
        }

        foreach (var (mailbox, o) in options.Mailboxes)
        {
            var at = $"Mail:Mailboxes:{mailbox}";
            if (string.IsNullOrWhiteSpace(o.Host))
            {
                failures.Add($"Setting '{at}:Host' is required.");
            }

            if (o.Port is < 1 or > 65535)
            {
                failures.Add($"Setting '{at}:Port' must be from 1 to 65535 (was {o.Port}).");
            }

            if (string.IsNullOrWhiteSpace(o.User))
            {
                failures.Add($"Setting '{at}:User' is required.");
            }

            if (string.IsNullOrEmpty(o.Password) == string.IsNullOrEmpty(o.OAuth2AccessToken))
            {
                failures.Add($"Set exactly one of '{at}:Password' and '{at}:OAuth2AccessToken'.");
            }

            if (o.AfterProcessing == AfterProcessing.Move && string.IsNullOrWhiteSpace(o.MoveTo))
            {
                failures.Add($"Setting '{at}:MoveTo' is required when '{at}:AfterProcessing' is Move.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
