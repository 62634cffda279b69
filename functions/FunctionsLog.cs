using Microsoft.Extensions.Logging;

namespace Serverless.Functions;

/// <summary>The Functions app's log events, source-generated so a disabled level costs nothing.</summary>
internal static partial class FunctionsLog
{
    [LoggerMessage(1, LogLevel.Warning, "Activity {Activity} of step {StepKey} of instance {InstanceId} failed on attempt {Attempt}: {ErrorKind} {ErrorMessage}")]
    public static partial void ActivityFailed(ILogger logger, string activity, string stepKey, string instanceId, int attempt, string errorKind, string errorMessage);

    [LoggerMessage(2, LogLevel.Information, "Message {MessageId} on channel {Channel} from {InstanceId} started {Count} instances")]
    public static partial void MessageDelivered(ILogger logger, string messageId, string channel, string instanceId, int count);

    [LoggerMessage(3, LogLevel.Information, "Schedule of {WorkflowId} due at {DueAt:O} started instance {InstanceId}")]
    public static partial void ScheduleStarted(ILogger logger, string workflowId, DateTimeOffset dueAt, string instanceId);

    [LoggerMessage(4, LogLevel.Information, "Retention purged {Count} instances older than {Days} days (timer past due: {PastDue})")]
    public static partial void RetentionPurged(ILogger logger, int count, int days, bool pastDue);

    [LoggerMessage(5, LogLevel.Warning, "Message {MessageId} on channel {Channel} has no listening workflow: parked in the poison queue")]
    public static partial void MessageParked(ILogger logger, string messageId, string channel);

    [LoggerMessage(6, LogLevel.Debug, "Mailbox {Mailbox}: {Seen} new messages, {HandedOn} handed on")]
    public static partial void MailboxPolled(ILogger logger, string mailbox, int seen, int handedOn);

    [LoggerMessage(7, LogLevel.Warning, "Mailbox {Mailbox}: poll failed, retried at the next tick: {ErrorType}: {Error}")]
    public static partial void MailboxPollFailed(ILogger logger, string mailbox, string errorType, string error);
}
