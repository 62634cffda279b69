using Microsoft.Extensions.Options;
using Serverless.Storage.Blobs;
using Serverless.Storage.Documents;
using Serverless.Storage.Tables;

namespace Serverless.Storage.DependencyInjection;

internal static class ProviderChoice
{
    public static string? Problem(string setting, string? chosen, IEnumerable<string> known, string hint)
    {
        var names = string.Join(", ", known.Distinct(StringComparer.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(chosen))
        {
            return $"{setting} is missing: set it to one of {names}{hint}.";
        }

        return known.Contains(chosen, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"{setting} = '{chosen}' is not a known adapter: use one of {names}{hint}.";
    }
}

internal sealed class DocumentStoreOptionsValidator(IEnumerable<DocumentStoreProvider> providers) : IValidateOptions<DocumentStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentStoreOptions options)
    {
        var problems = new List<string>();
        if (ProviderChoice.Problem($"{DocumentStoreOptions.SectionName}:Provider", options.Provider, providers.Select(p => p.Name),
                " (cosmos is registered by Serverless.Storage.Azure's AddStorage)") is { } problem)
        {
            problems.Add(problem);
        }

        if (options.MaxDocumentBytes <= 0)
        {
            problems.Add($"{DocumentStoreOptions.SectionName}:MaxDocumentBytes must be positive (was {options.MaxDocumentBytes}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

internal sealed class BlobStoreOptionsValidator(IEnumerable<BlobStoreProvider> providers) : IValidateOptions<BlobStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, BlobStoreOptions options)
    {
        var problems = new List<string>();
        if (ProviderChoice.Problem($"{BlobStoreOptions.SectionName}:Provider", options.Provider, providers.Select(p => p.Name),
                " (azure is registered by Serverless.Storage.Azure's AddStorage)") is { } problem)
        {
            problems.Add(problem);
        }

        if (options.MaxBlobBytes <= 0)
        {
            problems.Add($"{BlobStoreOptions.SectionName}:MaxBlobBytes must be positive (was {options.MaxBlobBytes}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

internal sealed class TableStoreOptionsValidator(IEnumerable<TableStoreProvider> providers) : IValidateOptions<TableStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, TableStoreOptions options) =>
        ProviderChoice.Problem($"{TableStoreOptions.SectionName}:Provider", options.Provider, providers.Select(p => p.Name),
            " (azure is registered by Serverless.Storage.Azure's AddStorage)") is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
