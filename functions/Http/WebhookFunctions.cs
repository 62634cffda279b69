using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Api.Webhooks;

namespace Serverless.Functions.Http;

/// <summary>POST /api/hooks/{route}: starts the workflow whose webhook trigger declares the route. The trigger's own
/// auth scheme (apiKey, hmac or none) is checked by the shared handler, not the management key (RunOpen).</summary>
public sealed class WebhookFunctions
{
    [Function("TriggerWebhook")]
    public Task<IActionResult> TriggerWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebhookRoutes.Hooks)] HttpRequest req,
        string route, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.RunOpen<WebhookTriggerHandler>(durable, h => h.HandleAsync(req, route, ct));
}
