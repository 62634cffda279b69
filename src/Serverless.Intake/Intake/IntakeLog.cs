using Microsoft.Extensions.Logging;

namespace Serverless.Intake.Intake;

internal static partial class IntakeLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Intake request accepted as instance {InstanceId} ({FileCount} files, dry run {DryRun}).")]
    public static partial void Accepted(ILogger logger, string instanceId, int fileCount, bool dryRun);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Intake request is a repeat of instance {InstanceId}; no new instance.")]
    public static partial void Duplicate(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Intake request refused with {Status}: {Fields}.")]
    public static partial void Refused(ILogger logger, int status, string fields);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "No intake API key is configured; the development key is accepted from this machine (Development environment only).")]
    public static partial void UsingDevelopmentKey(ILogger logger);
}
