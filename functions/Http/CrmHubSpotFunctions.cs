using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Crm.HubSpot;

namespace Serverless.Functions.Http;

/// <summary>POST /api/v1/crm/hubspot/webhook, the HubSpot app's webhook target (MapCrmHubSpotWebhook in the
/// embedded host). Anonymous: the handler checks the X-HubSpot-Signature-v3 signature itself (RunOpen).</summary>
public sealed class CrmHubSpotFunctions
{
    [Function("CrmHubSpotWebhook")]
    public Task<IActionResult> Webhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = CrmHubSpotRoutes.Webhook)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        req.RunOpen<CrmHubSpotWebhookHandler>(durable, h => h.HandleAsync(req, ct));
}
