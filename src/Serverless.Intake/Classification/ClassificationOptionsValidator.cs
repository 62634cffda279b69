using Microsoft.Extensions.Options;

namespace Serverless.Intake.Classification;

internal sealed class ClassificationOptionsValidator : IValidateOptions<ClassificationOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassificationOptions options)
    {
        var problems = new List<string>();
        var llm = options.Llm;
        string[] providers = [LlmClassifierOptions.None, LlmClassifierOptions.OpenAI, LlmClassifierOptions.Azure];
        if (!providers.Contains(llm.Provider, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"RequestHandler:Classification:Llm:Provider must be none, openai or azure, not '{llm.Provider}'.");
        }

        if (string.Equals(llm.Provider, LlmClassifierOptions.Azure, StringComparison.OrdinalIgnoreCase) && !Uri.TryCreate(llm.Endpoint, UriKind.Absolute, out _))
        {
            problems.Add("RequestHandler:Classification:Llm:Endpoint is required for azure (https://RESOURCE.openai.azure.com/openai/v1/).");
        }

        if (options.BuiltInMinConfidence is < 0 or > 1 || llm.MinConfidence is < 0 or > 1)
        {
            problems.Add("RequestHandler:Classification:BuiltInMinConfidence and Llm:MinConfidence must be between 0 and 1.");
        }

        if (string.IsNullOrWhiteSpace(options.ModelPath))
        {
            problems.Add("RequestHandler:Classification:ModelPath must not be empty.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
