using Microsoft.Extensions.Options;

namespace Serverless.Mail.Agent;

internal sealed class MailAgentOptionsValidator : IValidateOptions<MailAgentOptions>
{
    public ValidateOptionsResult Validate(string? name, MailAgentOptions options)
    {
        var failures = new List<string>();
        const string at = MailAgentOptions.SectionName;
        for (var i = 0; i < options.TeamRecipients.Count; i++)
        {
            if (!System.Net.Mail.MailAddress.TryCreate(options.TeamRecipients[i]?.Trim(), out _))
            {
                failures.Add($"Setting '{at}:TeamRecipients:{i}' is not an email address.");
            }
        }

        if (options.MaxDescriptionChars is < 100 or > 1_000_000)
        {
            failures.Add($"Setting '{at}:MaxDescriptionChars' must be from 100 to 1000000 (was {options.MaxDescriptionChars}).");
        }

        if (options.DailyStatisticsAt < TimeSpan.Zero || options.DailyStatisticsAt >= TimeSpan.FromDays(1))
        {
            failures.Add($"Setting '{at}:DailyStatisticsAt' must be a time of day from 00:00 to 23:59 (was {options.DailyStatisticsAt}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
