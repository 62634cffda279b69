using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

/// <summary>Checks what only a set of definitions can tell: duplicate versions, sub-workflows that do not exist,
/// and sub-workflow cycles.</summary>
internal static class CatalogChecker
{
    public static CatalogLoadResult Check(IReadOnlyList<LoadedDocument> documents)
    {
        var problems = documents.SelectMany(d => d.Result.Problems).ToList();
        var failed = new HashSet<LoadedDocument>(documents.Where(d => !d.Result.Succeeded));

        var nodes = new Dictionary<(string Id, int Version), LoadedDocument>();
        foreach (var document in documents.Where(d => d.WorkflowId is not null))
        {
            if (!nodes.TryAdd((document.WorkflowId!, document.Version), document))
            {
                var first = nodes[(document.WorkflowId!, document.Version)];
                problems.Add(new DefinitionProblem(
                    document.Source,
                    "$.version",
                    $"Workflow '{document.WorkflowId}' version {document.Version} is already defined in {first.Source}; give this one a higher version."));
                failed.Add(document);
            }
        }

        var versions = nodes.Keys
            .GroupBy(k => k.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(k => k.Version).Order().ToList(), StringComparer.Ordinal);

        foreach (var document in nodes.Values)
        {
            foreach (var reference in document.SubWorkflows)
            {
                if (Resolve(reference, versions) is null)
                {
                    problems.Add(new DefinitionProblem(document.Source, reference.Path, Unresolved(reference, versions)));
                    failed.Add(document);
                }
            }
        }

        foreach (var (document, problem) in SubWorkflowCycles.Find(nodes, versions))
        {
            problems.Add(problem);
            failed.Add(document);
        }

        var definitions = nodes.Values
            .Where(d => !failed.Contains(d) && d.Definition is not null)
            .GroupBy(d => d.WorkflowId!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<WorkflowDefinition>)g.Select(d => d.Definition!).OrderBy(d => d.Version).ToList(),
                StringComparer.Ordinal);
        return new CatalogLoadResult(definitions, problems);
    }

    /// <summary>The (id, version) a reference starts: the version it names, else the highest one.</summary>
    public static (string Id, int Version)? Resolve(SubWorkflowReference reference, Dictionary<string, List<int>> versions)
    {
        if (!versions.TryGetValue(reference.WorkflowId, out var known))
        {
            return null;
        }

        if (reference.Version is not { } version)
        {
            return (reference.WorkflowId, known[^1]);
        }

        return known.Contains(version) ? (reference.WorkflowId, version) : null;
    }

    private static string Unresolved(SubWorkflowReference reference, Dictionary<string, List<int>> versions) =>
        versions.TryGetValue(reference.WorkflowId, out var known)
            ? $"The sub-workflow '{reference.WorkflowId}' has no version {reference.Version}; its versions are {Suggestions.List(known.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))}."
            : $"The sub-workflow '{reference.WorkflowId}' does not exist among the loaded definitions{Suggestions.Ending(reference.WorkflowId, versions.Keys)}";
}
