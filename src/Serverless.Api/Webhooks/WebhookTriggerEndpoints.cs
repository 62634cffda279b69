using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serverless.Api.Workflows;

namespace Serverless.Api.Webhooks;

public static class WebhookTriggerEndpoints
{
    public const string EndpointName = "TriggerWebhook";

    /// <summary>Maps POST /api/hooks/{*route} to <see cref="WebhookTriggerHandler"/>. Needs <c>AddWebhookTriggers</c>.</summary>
    public static IEndpointRouteBuilder MapWebhookTriggers(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup(ApiRoutes.Prefix)
            .MapPost(WebhookRoutes.Hooks,
                (HttpRequest req, string? route, WebhookTriggerHandler h, CancellationToken ct) => h.HandleAsync(req, route, ct))
            .WithName(EndpointName).WithTags("Webhooks")
            .WithSummary("Starts the workflow whose webhook trigger declares this route.")
            .Accepts<JsonNode>(isOptional: true, "application/json")
            .Produces<StartInstanceResponse>(StatusCodes.Status202Accepted).Produces<StartInstanceResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }
}
