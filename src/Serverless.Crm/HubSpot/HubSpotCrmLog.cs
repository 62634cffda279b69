using Microsoft.Extensions.Logging;

namespace Serverless.Crm.HubSpot;

internal static partial class HubSpotCrmLog
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "HubSpot webhook refused: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "HubSpot webhook: {Received} events, {Published} change events published")]
    public static partial void WebhookHandled(ILogger logger, int received, int published);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "HubSpot webhook event {EventId} ({SubscriptionType} {ObjectId}) failed, HubSpot will retry: {ErrorType}: {Error}")]
    public static partial void WebhookEventFailed(ILogger logger, string eventId, string subscriptionType, string objectId, string errorType, string error);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "HubSpot poll: {Seen} objects modified, {Published} change events published")]
    public static partial void Polled(ILogger logger, int seen, int published);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "HubSpot poll failed, next try at the next interval: {ErrorType}: {Error}")]
    public static partial void PollFailed(ILogger logger, string errorType, string error);
}
