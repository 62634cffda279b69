using Serverless.Engine.Definitions;
using Serverless.Engine.Loading;

namespace Serverless.Runtime.Catalog;

/// <summary>Finds the workflows folder and loads its JSON files through the engine's definition loader.</summary>
internal static class DefinitionFiles
{
    public static string? ResolveFolder(string folder)
    {
        if (Path.IsPathRooted(folder))
        {
            return Directory.Exists(folder) ? folder : null;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static (IReadOnlyList<WorkflowDefinition> Definitions, IReadOnlyList<CatalogProblem> Problems) LoadFolder(string folder)
    {
        var documents = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Source: Path.GetRelativePath(folder, path), Json: File.ReadAllText(path)))
            .ToList();
        var result = new WorkflowDefinitionLoader().LoadAll(documents);
        var definitions = result.Definitions.Values.SelectMany(v => v).ToList();
        var problems = result.Problems.Select(p => new CatalogProblem(p.Source, $"{p.Path}: {p.Message}")).ToList();
        return (definitions, problems);
    }
}
