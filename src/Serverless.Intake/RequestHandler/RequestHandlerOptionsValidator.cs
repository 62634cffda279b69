using Microsoft.Extensions.Options;
using Serverless.Connectors.Email;
using Serverless.Intake.Files;
using Serverless.Intake.Intake;

namespace Serverless.Intake.RequestHandler;

internal sealed class RequestHandlerOptionsValidator(IOptions<SmtpOptions> smtp) : IValidateOptions<RequestHandlerOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestHandlerOptions options)
    {
        var problems = new List<string>();
        if (smtp.Value.IsConfigured && !options.AdminRecipients.Any(r => !string.IsNullOrWhiteSpace(r)))
        {
            problems.Add("RequestHandler:AdminRecipients must list at least one address when real email is configured (Connectors:Smtp:Host is set): "
                + "it has no default. Set RequestHandler:AdminRecipients:0 (RequestHandler__AdminRecipients__0 in local.settings.json or app settings).");
        }

        foreach (var host in options.FileUrls.AllowedHosts.Where(h => !FileUrlPolicy.IsValidPattern(h)))
        {
            problems.Add($"RequestHandler:FileUrls:AllowedHosts: '{host}' is neither a host name, an IP address nor '*.suffix'.");
        }

        if (options.FileUrls.MaxRedirects is < 0 or > 20)
        {
            problems.Add("RequestHandler:FileUrls:MaxRedirects must be between 0 and 20.");
        }
        foreach (var recipient in options.AdminRecipients.Where(r => !SubmissionValidator.IsEmail(r.Trim())))
        {
            problems.Add($"RequestHandler:AdminRecipients: '{recipient}' is not an email address.");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out _))
        {
            problems.Add($"RequestHandler:PublicBaseUrl must be an absolute URL, not '{options.PublicBaseUrl}'.");
        }

        if (options.FileLinkValidity <= TimeSpan.Zero || options.FileDownloadTimeout <= TimeSpan.Zero)
        {
            problems.Add("RequestHandler:FileLinkValidity and RequestHandler:FileDownloadTimeout must be positive.");
        }

        if (options.StagingRetention <= TimeSpan.Zero || options.StagingSweepInterval <= TimeSpan.Zero)
        {
            problems.Add("RequestHandler:StagingRetention and RequestHandler:StagingSweepInterval must be positive.");
        }

        if (string.IsNullOrWhiteSpace(options.FilesContainer))
        {
            problems.Add("RequestHandler:FilesContainer must not be empty.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
