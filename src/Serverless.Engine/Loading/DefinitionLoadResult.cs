using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

/// <summary>The outcome of loading one definition: the records when it is valid, otherwise every problem found.</summary>
public sealed class DefinitionLoadResult(WorkflowDefinition? definition, IReadOnlyList<DefinitionProblem> problems)
{
    public WorkflowDefinition? Definition { get; } = definition;
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
    public bool Succeeded => Problems.Count == 0 && Definition is not null;
}
