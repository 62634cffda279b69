using System.Text.Json.Nodes;

namespace Serverless.Engine.Loading;

/// <summary>What one pass over a definition collects: problems, step ids and the places checked only once
/// every step id is known (templates, condition paths, sub-workflow references).</summary>
internal sealed class ValidationContext(string source, LoaderOptions options)
{
    public string Source => source;
    public LoaderOptions Options => options;
    public List<DefinitionProblem> Problems { get; } = [];

    /// <summary>Every step id with the JSON path of the step that declares it first.</summary>
    public Dictionary<string, string> StepIds { get; } = new(StringComparer.Ordinal);

    public List<TemplateSite> TemplateSites { get; } = [];
    public List<ConditionPathSite> ConditionPaths { get; } = [];
    public List<SubWorkflowReference> SubWorkflows { get; } = [];

    public string? WorkflowId { get; set; }
    public int WorkflowVersion { get; set; } = 1;

    public void Report(string path, string message) => Problems.Add(new DefinitionProblem(source, path, message));

    public void AddTemplates(JsonNode? node, string path, bool stepsVisible = true)
    {
        if (node is not null)
        {
            TemplateSites.Add(new TemplateSite(node, path, stepsVisible));
        }
    }
}

/// <summary>A value whose strings are templates; <see cref="StepsVisible"/> is false where no step has run yet
/// (trigger conditions).</summary>
internal sealed record TemplateSite(JsonNode Node, string Path, bool StepsVisible);

internal sealed record ConditionPathSite(string DottedPath, string Path, bool StepsVisible);

/// <summary>A subWorkflow step: the workflow it starts and where the reference sits (its 'workflow' field).</summary>
internal sealed record SubWorkflowReference(string WorkflowId, int? Version, string Path);
