using System.Net.Mail;
using Microsoft.Extensions.Options;
using Serverless.Connectors.DependencyInjection;

namespace Serverless.Connectors.Email;

/// <summary>Empty Host is valid (sandbox); a set Host needs a valid From address and port.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        const string s = SmtpOptions.SectionName;
        var problems = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            problems.Add($"{s}:Port = {options.Port} is not a TCP port.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            problems.Add($"{s}:Timeout must be positive (was {options.Timeout}).");
        }

        if (options.IsConfigured)
        {
            SettingChecks.Required(problems, $"{s}:From", options.From, "a sender address is needed with Host");
        }

        if (!string.IsNullOrWhiteSpace(options.From) && !MailAddress.TryCreate(options.From, out _))
        {
            problems.Add($"{s}:From = '{options.From}' is not an email address.");
        }

        var clearText = options.Security == SmtpSecurity.None || (options.Security == SmtpSecurity.Auto && options.Port != 465);
        if (!string.IsNullOrEmpty(options.UserName) && clearText && !IsLoopback(options.Host))
        {
            problems.Add($"{s}:Security = {options.Security} could send the password in clear text to {options.Host}: use StartTls or SslOnConnect.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsLoopback(string? host) =>
        host is "localhost" || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
