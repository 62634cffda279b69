using Microsoft.Extensions.Options;

namespace Serverless.Host.Demo;

internal sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.LedgerFile))
        {
            failures.Add($"Setting '{DemoOptions.SectionName}:{nameof(DemoOptions.LedgerFile)}' is required (a file name or path for demo.record).");
        }
        else if (options.LedgerFile.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Setting '{DemoOptions.SectionName}:{nameof(DemoOptions.LedgerFile)}' is not a valid path.");
        }

        if (options.MaxDelayMs is < 0 or > 3_600_000)
        {
            failures.Add($"Setting '{DemoOptions.SectionName}:{nameof(DemoOptions.MaxDelayMs)}' must be between 0 and 3600000 (was {options.MaxDelayMs}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
