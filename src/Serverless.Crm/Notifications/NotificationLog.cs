using Microsoft.Extensions.Logging;

namespace Serverless.Crm.Notifications;

internal static partial class NotificationLog
{
    [LoggerMessage(1, LogLevel.Information, "Notification stream of user {UserId} closed after {Sent} notifications ({Dropped} dropped as too slow)")]
    public static partial void StreamClosed(ILogger logger, string userId, int sent, long dropped);
}
