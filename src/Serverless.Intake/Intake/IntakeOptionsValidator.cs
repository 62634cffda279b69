using Microsoft.Extensions.Options;

namespace Serverless.Intake.Intake;

internal sealed class IntakeOptionsValidator : IValidateOptions<IntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        var problems = new List<string>();
        void Positive(long value, string setting)
        {
            if (value <= 0)
            {
                problems.Add($"RequestHandler:Intake:{setting} must be positive (was {value}).");
            }
        }

        Positive(options.MaxObjetLength, nameof(options.MaxObjetLength));
        Positive(options.MaxDescriptionLength, nameof(options.MaxDescriptionLength));
        Positive(options.MaxUserNameLength, nameof(options.MaxUserNameLength));
        Positive(options.MaxFiles, nameof(options.MaxFiles));
        Positive(options.MaxFileBytes, nameof(options.MaxFileBytes));
        Positive(options.MaxJsonBodyBytes, nameof(options.MaxJsonBodyBytes));
        if (options.SignatureTolerance <= TimeSpan.Zero || options.IdempotencyWindow <= TimeSpan.Zero)
        {
            problems.Add("RequestHandler:Intake:SignatureTolerance and IdempotencyWindow must be positive.");
        }

        if (options.RequireSignature && options.SignatureSecrets.All(string.IsNullOrEmpty))
        {
            problems.Add("RequestHandler:Intake:RequireSignature is true but RequestHandler:Intake:SignatureSecrets is empty.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
