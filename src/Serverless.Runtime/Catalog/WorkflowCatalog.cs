using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Hosting;

namespace Serverless.Runtime.Catalog;

/// <summary>Definitions from the workflows folder (loaded once, at first use) plus those registered in code.</summary>
public sealed partial class WorkflowCatalog : IWorkflowCatalog
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SortedList<int, WorkflowDefinition>> byId = new(StringComparer.Ordinal);
    private readonly List<CatalogProblem> problems = [];

    public WorkflowCatalog(
        IOptions<WorkflowRuntimeOptions> options,
        IEnumerable<WorkflowDefinitionRegistration> registrations,
        ILogger<WorkflowCatalog> logger)
    {
        var folder = DefinitionFiles.ResolveFolder(options.Value.WorkflowsFolder);
        if (folder is null)
        {
            LogNoFolder(logger, options.Value.WorkflowsFolder);
        }
        else
        {
            var loaded = DefinitionFiles.LoadFolder(folder);
            problems.AddRange(loaded.Problems);
            foreach (var definition in loaded.Definitions)
            {
                Add(definition);
            }

            foreach (var problem in loaded.Problems)
            {
                LogProblem(logger, problem.Source, problem.Message);
            }

            LogLoaded(logger, loaded.Definitions.Count, folder);
        }

        foreach (var registration in registrations)
        {
            Add(registration.Definition);
        }
    }

    public IReadOnlyList<CatalogProblem> Problems
    {
        get
        {
            lock (gate)
            {
                return [.. problems];
            }
        }
    }

    public IReadOnlyList<WorkflowDefinition> List()
    {
        lock (gate)
        {
            return byId.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.Values[^1]).ToList();
        }
    }

    public IReadOnlyList<WorkflowDefinition> Versions(string workflowId)
    {
        lock (gate)
        {
            return byId.TryGetValue(workflowId, out var versions) ? [.. versions.Values] : [];
        }
    }

    public WorkflowDefinition? Find(string workflowId, int? version = null)
    {
        lock (gate)
        {
            if (!byId.TryGetValue(workflowId, out var versions))
            {
                return null;
            }

            return version is null ? versions.Values[^1] : versions.GetValueOrDefault(version.Value);
        }
    }

    public void Register(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Add(definition);
    }

    private void Add(WorkflowDefinition definition)
    {
        lock (gate)
        {
            if (!byId.TryGetValue(definition.Id, out var versions))
            {
                versions = [];
                byId[definition.Id] = versions;
            }

            versions[definition.Version] = definition;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflows folder {WorkflowsFolder} not found; only definitions registered in code are available")]
    private static partial void LogNoFolder(ILogger logger, string workflowsFolder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow definition {Source} not loaded: {Problem}")]
    private static partial void LogProblem(ILogger logger, string source, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} workflow definitions from {WorkflowsFolder}")]
    private static partial void LogLoaded(ILogger logger, int count, string workflowsFolder);
}

/// <summary>A definition registered in code with <c>AddWorkflowDefinition</c>.</summary>
public sealed record WorkflowDefinitionRegistration(WorkflowDefinition Definition);
