using Microsoft.Extensions.Options;
using Serverless.Connectors.DependencyInjection;

namespace Serverless.Connectors.ClickUp;

/// <summary>Empty ApiToken is valid (sandbox).</summary>
internal sealed class ClickUpOptionsValidator : IValidateOptions<ClickUpOptions>
{
    public ValidateOptionsResult Validate(string? name, ClickUpOptions options)
    {
        const string s = ClickUpOptions.SectionName;
        var problems = new List<string>();
        SettingChecks.AbsoluteHttpUrl(problems, $"{s}:BaseAddress", options.BaseAddress);
        SettingChecks.Required(problems, $"{s}:ParentTaskId", options.ParentTaskId, "subtasks need a parent task");
        problems.AddRange(options.RateLimit.Problems(s));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
