using Serverless.Engine.Definitions;

namespace Serverless.Runtime.Catalog;

/// <summary>The registered workflow definitions, every version kept: a running instance keeps the version it
/// started with. Backs GET /api/workflows.</summary>
public interface IWorkflowCatalog
{
    /// <summary>The newest version of every workflow, ordered by id.</summary>
    IReadOnlyList<WorkflowDefinition> List();

    /// <summary>All versions of one workflow, oldest first; empty when unknown.</summary>
    IReadOnlyList<WorkflowDefinition> Versions(string workflowId);

    /// <summary>The given version, or the newest when <paramref name="version"/> is null; null when unknown.</summary>
    WorkflowDefinition? Find(string workflowId, int? version = null);

    /// <summary>Files in the workflows folder that could not be loaded, with the loader's reasons.</summary>
    IReadOnlyList<CatalogProblem> Problems { get; }

    /// <summary>Adds a definition from code; a second registration of the same id and version replaces the first.</summary>
    void Register(WorkflowDefinition definition);
}

public sealed record CatalogProblem(string Source, string Message);
