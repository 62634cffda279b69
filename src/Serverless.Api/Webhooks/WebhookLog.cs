using Microsoft.Extensions.Logging;

namespace Serverless.Api.Webhooks;

internal static partial class WebhookLog
{
    [LoggerMessage(101, LogLevel.Information, "Webhook {Route} started instance {InstanceId} of workflow {WorkflowId}")]
    public static partial void Started(ILogger logger, string route, string instanceId, string workflowId);

    [LoggerMessage(102, LogLevel.Information, "Webhook {Route} returned existing instance {InstanceId} of workflow {WorkflowId}")]
    public static partial void ReturnedExisting(ILogger logger, string route, string instanceId, string workflowId);

    [LoggerMessage(106, LogLevel.Information, "Webhook {Route} answered a resent signed request with instance {InstanceId} of workflow {WorkflowId}")]
    public static partial void Replayed(ILogger logger, string route, string instanceId, string workflowId);

    [LoggerMessage(103, LogLevel.Warning, "Webhook {Route} of workflow {WorkflowId} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string route, string workflowId, string reason);

    [LoggerMessage(104, LogLevel.Error, "Webhook {Route} of workflow {WorkflowId} needs setting {Setting}, which is empty; the hook stays closed")]
    public static partial void NotConfigured(ILogger logger, string route, string workflowId, string setting);

    [LoggerMessage(105, LogLevel.Error, "Webhook route {Route} is declared by several workflows: {WorkflowIds}")]
    public static partial void Conflict(ILogger logger, string route, string workflowIds);
}
