using Microsoft.Extensions.Logging;

namespace Serverless.Intake.Classification;

internal static partial class ClassificationLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Request classifier {Classifier} failed: {Reason}")]
    public static partial void ClassifierFailed(ILogger logger, string classifier, string reason);
}
