using Microsoft.Extensions.Logging;

namespace Serverless.Api.Http;

internal static partial class ApiLog
{
    [LoggerMessage(1, LogLevel.Information, "Started instance {InstanceId} of workflow {WorkflowId} (dry run: {DryRun})")]
    public static partial void Started(ILogger logger, string instanceId, string workflowId, bool dryRun);

    [LoggerMessage(2, LogLevel.Information, "Returned existing instance {InstanceId} of workflow {WorkflowId}")]
    public static partial void ReturnedExisting(ILogger logger, string instanceId, string workflowId);

    [LoggerMessage(3, LogLevel.Information, "Raised event {EventName} on instance {InstanceId}")]
    public static partial void EventRaised(ILogger logger, string eventName, string instanceId);

    [LoggerMessage(4, LogLevel.Information, "Terminate requested for instance {InstanceId}: {Reason}")]
    public static partial void TerminateRequested(ILogger logger, string instanceId, string? reason);

    [LoggerMessage(5, LogLevel.Information, "Replay requested for instance {InstanceId}")]
    public static partial void ReplayRequested(ILogger logger, string instanceId);

    [LoggerMessage(6, LogLevel.Information, "Purged instance {InstanceId}")]
    public static partial void Purged(ILogger logger, string instanceId);

    [LoggerMessage(7, LogLevel.Warning, "Refused approval event {EventName} on instance {InstanceId}: approval decisions come from signed links or Slack")]
    public static partial void ApprovalEventRefused(ILogger logger, string eventName, string instanceId);
}
