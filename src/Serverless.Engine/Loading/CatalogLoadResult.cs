using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

/// <summary>The outcome of loading several definitions together: the valid ones by id (versions in ascending
/// order) and every problem of every document, including sub-workflow references that do not resolve.</summary>
public sealed class CatalogLoadResult(
    IReadOnlyDictionary<string, IReadOnlyList<WorkflowDefinition>> definitions,
    IReadOnlyList<DefinitionProblem> problems)
{
    public IReadOnlyDictionary<string, IReadOnlyList<WorkflowDefinition>> Definitions { get; } = definitions;
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
    public bool Succeeded => Problems.Count == 0;

    /// <summary>The given version of a workflow, or its highest version when <paramref name="version"/> is null.</summary>
    public WorkflowDefinition? Find(string id, int? version = null) =>
        Definitions.TryGetValue(id, out var versions)
            ? version is null ? versions[^1] : versions.FirstOrDefault(d => d.Version == version)
            : null;
}
