using Microsoft.Extensions.Options;
using Serverless.Connectors.Llm;

namespace Serverless.Mail.Classification;

internal sealed class EmailClassificationOptionsValidator : IValidateOptions<EmailClassificationOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailClassificationOptions options)
    {
        var failures = new List<string>(LlmOptionsChecks.Problems(options.Llm, EmailClassificationOptions.LlmSectionName));
        const string at = EmailClassificationOptions.SectionName;
        Labels(options.Categories, "Categories", failures);
        Labels(options.Priorities, "Priorities", failures);
        if (!options.Categories.Contains(options.DefaultCategory, StringComparer.Ordinal))
        {
            failures.Add($"Setting '{at}:DefaultCategory' ('{options.DefaultCategory}') must be one of '{at}:Categories'.");
        }

        if (!options.Priorities.Contains(options.DefaultPriority, StringComparer.Ordinal))
        {
            failures.Add($"Setting '{at}:DefaultPriority' ('{options.DefaultPriority}') must be one of '{at}:Priorities'.");
        }

        if (options.ReviewBelow is < 0 or > 1)
        {
            failures.Add($"Setting '{at}:ReviewBelow' must be from 0 to 1 (was {options.ReviewBelow}).");
        }

        for (var i = 0; i < options.UrgencyRules.Count; i++)
        {
            var rule = options.UrgencyRules[i];
            if (!options.Priorities.Contains(rule.Priority, StringComparer.Ordinal))
            {
                failures.Add($"Setting '{at}:UrgencyRules:{i}:Priority' ('{rule.Priority}') must be one of '{at}:Priorities'.");
            }

            if (rule.Keywords.Count == 0 || rule.Keywords.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"Setting '{at}:UrgencyRules:{i}:Keywords' needs at least one keyword and no empty one.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Labels(List<string> labels, string setting, List<string> failures)
    {
        if (labels.Count < 2 || labels.Any(string.IsNullOrWhiteSpace) || labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
        {
            failures.Add($"Setting '{EmailClassificationOptions.SectionName}:{setting}' needs at least two labels, none empty, none twice.");
        }
    }
}
