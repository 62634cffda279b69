namespace Serverless.Crm.Notifications;

/// <summary>The notification routes under the "api" prefix (what an Azure Functions trigger declares): served by
/// <see cref="CrmNotificationEndpoints.MapCrmNotifications"/> in the embedded host and by
/// functions/Http/CrmNotificationFunctions.cs, both over <see cref="CrmNotificationHandlers"/>.</summary>
public static class CrmNotificationRoutes
{
    public const string List = "v1/notifications";
    public const string Read = "v1/notifications/{id}/read";
    public const string Stream = "v1/notifications/stream";
}
