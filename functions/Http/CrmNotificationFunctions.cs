using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Crm.Notifications;

namespace Serverless.Functions.Http;

/// <summary>The CRM notification routes (MapCrmNotifications in the embedded host), management key required. The
/// stream's result writes and flushes HttpResponse.Body itself, which the ASP.NET Core integration passes through.</summary>
public sealed class CrmNotificationFunctions
{
    [Function("ListNotifications")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmNotificationRoutes.List)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmNotificationHandlers>(durable, h => h.ListAsync(req, ct));

    [Function("MarkNotificationRead")]
    public Task<IActionResult> MarkRead(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmNotificationRoutes.Read)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.Run<CrmNotificationHandlers>(durable, h => h.MarkReadAsync(id, ct));

    [Function("StreamNotifications")]
    public Task<IActionResult> Stream(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CrmNotificationRoutes.Stream)] HttpRequest req,
        [DurableClient] DurableTaskClient durable) =>
        req.Run<CrmNotificationHandlers>(durable, h => h.Stream(req));
}
