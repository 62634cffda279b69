using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Serverless.Crm.HubSpot;

/// <summary>The embedded host's HubSpot webhook route; the Functions app declares the same one in
/// functions/Http/CrmHubSpotFunctions.cs. Open (no management key): the v3 signature is the authentication.</summary>
public static class CrmHubSpotEndpoints
{
    public static IEndpointRouteBuilder MapCrmHubSpotWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/" + CrmHubSpotRoutes.Webhook, (HttpRequest request, CrmHubSpotWebhookHandler h, CancellationToken ct) => h.HandleAsync(request, ct))
            .WithName("CrmHubSpotWebhook").WithTags("Crm")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .DisableAntiforgery();
        return endpoints;
    }
}
