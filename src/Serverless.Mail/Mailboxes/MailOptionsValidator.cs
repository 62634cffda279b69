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

            var credentials = new[] { !string.IsNullOrEmpty(o.Password), !string.IsNullOrEmpty(o.OAuth2AccessToken), o.OAuth2 is { IsSet: true } }.Count(set => set);
            if (credentials != 1)
            {
                failures.Add($"Set exactly one of '{at}:Password', '{at}:OAuth2AccessToken' and '{at}:OAuth2:TokenUrl'.");
            }

            if (o.OAuth2 is { IsSet: true } oauth)
            {
                if (!Uri.TryCreate(oauth.TokenUrl, UriKind.Absolute, out var tokenUrl) || (tokenUrl.Scheme != Uri.UriSchemeHttps && !tokenUrl.IsLoopback))
                {
                    failures.Add($"Setting '{at}:OAuth2:TokenUrl' must be an https URL (http only on loopback).");
                }

                if (string.IsNullOrWhiteSpace(oauth.ClientId))
                {
                    failures.Add($"Setting '{at}:OAuth2:ClientId' is required with '{at}:OAuth2:TokenUrl'.");
                }
            }

            if (o.AfterProcessing == AfterProcessing.Move && string.IsNullOrWhiteSpace(o.MoveTo))
            {
                failures.Add($"Setting '{at}:MoveTo' is required when '{at}:AfterProcessing' is Move.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
