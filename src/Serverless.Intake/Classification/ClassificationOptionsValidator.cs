using Microsoft.Extensions.Options;
using Serverless.Connectors.Llm;

namespace Serverless.Intake.Classification;

internal sealed class ClassificationOptionsValidator : IValidateOptions<ClassificationOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassificationOptions options)
    {
        var problems = new List<string>(LlmOptionsChecks.Problems(options.Llm, ClassificationOptions.LlmSectionName));
        if (options.BuiltInMinConfidence is < 0 or > 1)
        {
            problems.Add("RequestHandler:Classification:BuiltInMinConfidence must be between 0 and 1.");
        }

        if (string.IsNullOrWhiteSpace(options.ModelPath))
        {
            problems.Add("RequestHandler:Classification:ModelPath must not be empty.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
