using System.Net.Mail;
using Microsoft.Extensions.Options;
using Serverless.Intake.RequestHandler;

namespace Serverless.Intake.Intake;

/// <summary>Checks the field values and file names against the limits in settings, adding every problem to the
/// submission's errors (none is reported alone when there are several).</summary>
internal sealed class SubmissionValidator(IOptions<IntakeOptions> options)
{
    public void Validate(IntakeSubmission submission)
    {
        var o = options.Value;
        var errors = submission.Errors;

        var source = submission.Field(IntakeFields.Source)?.Trim();
        if (string.IsNullOrEmpty(source))
        {
            errors.Add(IntakeFields.Source, "'source' is required: \"contact\" or \"modelisation\".");
        }
        else if (!RequestTypes.Sources.Contains(source, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(IntakeFields.Source, $"'source' must be \"contact\" or \"modelisation\", not \"{Truncate(source)}\".");
        }

        Required(submission, IntakeFields.Objet, o.MaxObjetLength, "RequestHandler:Intake:MaxObjetLength");
        Required(submission, IntakeFields.Description, o.MaxDescriptionLength, "RequestHandler:Intake:MaxDescriptionLength");
        Required(submission, IntakeFields.UserName, o.MaxUserNameLength, "RequestHandler:Intake:MaxUserNameLength");

        var email = submission.Field(IntakeFields.UserEmail)?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(IntakeFields.UserEmail, "'user_email' is required.");
        }
        else if (EmailAddressCheck.Refusal(email) is { } refusal)
        {
            errors.Add(IntakeFields.UserEmail, $"'user_email' is refused: {refusal}.");
        }
        else if (!IsEmail(email))
        {
            errors.Add(IntakeFields.UserEmail, $"'user_email' is not a valid email address: \"{Truncate(email)}\".");
        }
        else if (o.MixedScriptEmails != MixedScriptPolicy.Allow && EmailAddressCheck.MixesScripts(email))
        {
            if (o.MixedScriptEmails == MixedScriptPolicy.Refuse)
            {
                errors.Add(IntakeFields.UserEmail, "'user_email' is refused: a part of it mixes letters of different scripts, as look-alike addresses do (RequestHandler:Intake:MixedScriptEmails).");
            }
            else
            {
                submission.EmailFlags.Add(EmailAddressCheck.MixedScriptFlag);
            }
        }

        var allowed = new HashSet<string>(o.AllowedExtensions.Select(e => e.Trim().TrimStart('.')), StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < submission.Files.Count; i++)
        {
            var name = submission.Files[i].Name;
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            var extension = Path.GetExtension(name).TrimStart('.');
            if (!allowed.Contains(extension))
            {
                errors.AddUnsupportedType($"{IntakeFields.Files}[{i}].name",
                    $"'{Truncate(name)}': the extension '{(extension.Length == 0 ? "(none)" : extension)}' is not accepted (RequestHandler:Intake:AllowedExtensions).");
            }
        }
    }

    private void Required(IntakeSubmission submission, string field, int maxLength, string setting)
    {
        var value = submission.Field(field);
        if (string.IsNullOrWhiteSpace(value))
        {
            submission.Errors.Add(field, $"'{field}' is required.");
        }
        else if (value.Trim().Length > maxLength)
        {
            submission.Errors.Add(field, $"'{field}' has {value.Trim().Length} characters; the limit is {maxLength} ({setting}).");
        }
    }

    internal static bool IsEmail(string value)
    {
        if (value.Length > 254 || value.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(value, out var address) || address.Address != value)
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        var domain = value[(at + 1)..];
        return at > 0 && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
