using Serverless.Engine.Definitions;

namespace Serverless.Engine.Loading;

/// <summary>One document as the catalog sees it: its result plus what it declares and what it references,
/// known even when the document has problems of its own.</summary>
internal sealed record LoadedDocument(
    string Source,
    string? WorkflowId,
    int Version,
    DefinitionLoadResult Result,
    IReadOnlyList<SubWorkflowReference> SubWorkflows)
{
    public WorkflowDefinition? Definition => Result.Definition;
}
