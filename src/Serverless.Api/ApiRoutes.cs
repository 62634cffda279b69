namespace Serverless.Api;

/// <summary>Route templates shared by the embedded host and the Azure Functions triggers (which add the /api prefix themselves).</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api";
    public const string Health = "health";
    public const string AuthConfig = "auth/config";
    public const string Workflows = "workflows";
    public const string Workflow = "workflows/{workflowId}";
    public const string WorkflowInstances = "workflows/{workflowId}/instances";
    public const string Instances = "instances";
    public const string Instance = "instances/{instanceId}";
    public const string InstanceEvent = "instances/{instanceId}/events/{eventName}";
    public const string InstanceTerminate = "instances/{instanceId}/terminate";
    public const string InstanceReplay = "instances/{instanceId}/replay";
    public const string DeadLetters = "deadletters";
    public const string DeadMessageReplay = "deadletters/messages/{messageId}/replay";
    public const string Stats = "stats";
    public const string OpenApiDocument = "/api/openapi.json";

    public static string InstanceUrl(string instanceId) => $"{Prefix}/instances/{Uri.EscapeDataString(instanceId)}";

    public static string InstanceReplayUrl(string instanceId) => $"{InstanceUrl(instanceId)}/replay";

    public static string DeadMessageReplayUrl(string messageId) => $"{Prefix}/deadletters/messages/{Uri.EscapeDataString(messageId)}/replay";
}
