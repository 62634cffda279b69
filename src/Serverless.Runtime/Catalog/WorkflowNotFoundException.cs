namespace Serverless.Runtime.Catalog;

/// <summary>Thrown by <c>IWorkflowClient.StartAsync</c> when no definition has the workflow id (and version).</summary>
public sealed class WorkflowNotFoundException(string workflowId, int? version)
    : KeyNotFoundException(version is null
        ? $"Workflow '{workflowId}' is not registered."
        : $"Workflow '{workflowId}' version {version} is not registered.")
{
    public string WorkflowId { get; } = workflowId;
    public int? Version { get; } = version;
}
