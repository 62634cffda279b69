using Serverless.Engine.Definitions;
using Serverless.Runtime.Catalog;

namespace Serverless.Host.Tests.Support;

/// <summary>A catalog holding the definitions a test gives it.</summary>
internal sealed class FakeCatalog(params WorkflowDefinition[] definitions) : IWorkflowCatalog
{
    private readonly List<WorkflowDefinition> all = [.. definitions];

    public IReadOnlyList<CatalogProblem> Problems { get; init; } = [];

    public IReadOnlyList<WorkflowDefinition> List() =>
        [.. all.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.Id, StringComparer.Ordinal)];

    public IReadOnlyList<WorkflowDefinition> Versions(string workflowId) =>
        [.. all.Where(d => d.Id == workflowId).OrderBy(d => d.Version)];

    public WorkflowDefinition? Find(string workflowId, int? version = null) =>
        version is null
            ? all.Where(d => d.Id == workflowId).MaxBy(d => d.Version)
            : all.Find(d => d.Id == workflowId && d.Version == version);

    public void Register(WorkflowDefinition definition) => all.Add(definition);

    public static WorkflowDefinition Definition(string id, int version = 1) => new()
    {
        Id = id,
        Version = version,
        Name = $"{id} v{version}",
        Triggers = [new ManualTrigger()],
        Steps = [new ActivityStep { Id = "greet", Activity = "demo.greet" }],
    };
}
