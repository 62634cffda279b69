using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Serverless.Crm.Notifications;

/// <summary>The notification routes in the embedded host (mapped inside the management-key group).</summary>
public static class CrmNotificationEndpoints
{
    public static IEndpointRouteBuilder MapCrmNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/" + CrmNotificationRoutes.List, (HttpRequest request, CrmNotificationHandlers h, CancellationToken ct) => h.ListAsync(request, ct))
            .WithName("ListNotifications").WithTags("Crm");
        endpoints.MapPost("/api/" + CrmNotificationRoutes.Read, (string id, CrmNotificationHandlers h, CancellationToken ct) => h.MarkReadAsync(id, ct))
            .WithName("MarkNotificationRead").WithTags("Crm");
        endpoints.MapGet("/api/" + CrmNotificationRoutes.Stream, (HttpRequest request, CrmNotificationHandlers h) => h.Stream(request))
            .WithName("StreamNotifications").WithTags("Crm");
        return endpoints;
    }
}
