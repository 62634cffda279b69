using Microsoft.Extensions.Options;

namespace Serverless.Api;

/// <summary>Names the setting as users write it ("Api:MaxRequestBodyBytes"), so a bad value fails start-up legibly.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes is < 1024 or > 100L * 1024 * 1024)
        {
            failures.Add($"Setting '{ApiOptions.SectionName}:{nameof(ApiOptions.MaxRequestBodyBytes)}' must be between 1024 and 104857600 bytes (was {options.MaxRequestBodyBytes}).");
        }

        if (options.MaxPageSize is < 1 or > 10_000)
        {
            failures.Add($"Setting '{ApiOptions.SectionName}:{nameof(ApiOptions.MaxPageSize)}' must be between 1 and 10000 (was {options.MaxPageSize}).");
        }

        if (options.DefaultPageSize < 1 || options.DefaultPageSize > options.MaxPageSize)
        {
            failures.Add($"Setting '{ApiOptions.SectionName}:{nameof(ApiOptions.DefaultPageSize)}' must be between 1 and {ApiOptions.SectionName}:{nameof(ApiOptions.MaxPageSize)} (was {options.DefaultPageSize}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
