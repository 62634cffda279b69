namespace Serverless.Crm.Api;

/// <summary>The seed's workflow API (and what issue 14 adds), under the "api" prefix; the embedded host maps them
/// in <see cref="CrmWorkflowEndpoints"/>, the Functions app in functions/Http/CrmWorkflowFunctions.cs.</summary>
public static class CrmWorkflowRoutes
{
    public const string Workflows = "v1/workflows";
    public const string Workflow = "v1/workflows/{id:int}";
    public const string Activate = "v1/workflows/{id:int}/activate";
    public const string Execute = "v1/workflows/{id:int}/execute";
    public const string Executions = "v1/workflows/{id:int}/executions";
    public const string Execution = "v1/workflows/{id:int}/executions/{executionId}";
    public const string Stats = "v1/workflows/{id:int}/stats";
    public const string Templates = "v1/workflows/templates/list";
    public const string FromTemplate = "v1/workflows/templates/{templateId}/create";
    public const string Versions = "v1/workflows/{id:int}/versions";
    public const string Version = "v1/workflows/{id:int}/versions/{version:int}";
    public const string Diff = "v1/workflows/{id:int}/diff";
    public const string Rollback = "v1/workflows/{id:int}/rollback";
    public const string Duplicate = "v1/workflows/{id:int}/duplicate";
    public const string Export = "v1/workflows/{id:int}/export";
    public const string Import = "v1/workflows/import";

    /// <summary>Starts a webhook workflow; open (its trigger_config.auth decides: apiKey, hmac or none).</summary>
    public const string Webhook = "v1/workflows/{id:int}/webhook";

    public static string WorkflowUrl(string id) => $"/api/v1/workflows/{id}";
}
