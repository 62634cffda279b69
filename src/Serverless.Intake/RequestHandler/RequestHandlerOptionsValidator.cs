using Microsoft.Extensions.Options;
using Serverless.Intake.Intake;

namespace Serverless.Intake.RequestHandler;

internal sealed class RequestHandlerOptionsValidator : IValidateOptions<RequestHandlerOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestHandlerOptions options)
    {
        var problems = new List<string>();
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
