using Microsoft.Extensions.Options;
using Serverless.Api.Security;

namespace Serverless.Api;

/// <summary>Names the setting as users write it ("Api:MaxRequestBodyBytes"), so a bad value fails start-up legibly.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public const int MinKeyLength = 16;
    public const int MaxKeyLength = 512;

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

        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            if (KeyProblem(options.ApiKeys[i]) is { } problem)
            {
                // Never echo the key itself: the message ends up in logs.
                failures.Add($"Setting '{ApiOptions.SectionName}:{nameof(ApiOptions.ApiKeys)}:{i}' {problem}");
            }
        }

        failures.AddRange(EntraIdOptionsValidator.Problems(options.EntraId));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? KeyProblem(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "is empty; remove it or give a key of at least 16 characters.";
        }

        // An App Service Key Vault reference that did not resolve arrives as its own text, which is public (it is in
        // the Bicep): accepting it as a key would open the API to anyone who read the template.
        if (key.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            return "is an unresolved Key Vault reference; check the app's identity can read the secret.";
        }

        if (key.Length is < MinKeyLength or > MaxKeyLength)
        {
            return $"must be {MinKeyLength} to {MaxKeyLength} characters long (was {key.Length}).";
        }

        foreach (var c in key)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007e')
            {
                return "must be printable ASCII without spaces (it travels in an HTTP header).";
            }
        }

        return null;
    }
}
