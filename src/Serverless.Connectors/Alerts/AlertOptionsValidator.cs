using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Serverless.Connectors.Alerts;

internal sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.AdminRecipients.Count; i++)
        {
            if (!MailAddress.TryCreate(options.AdminRecipients[i], out _))
            {
                problems.Add($"{AlertOptions.SectionName}:AdminRecipients:{i} = '{options.AdminRecipients[i]}' is not an email address.");
            }
        }

        if (options.Interval <= TimeSpan.Zero)
        {
            problems.Add($"{AlertOptions.SectionName}:Interval must be positive (was {options.Interval}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
