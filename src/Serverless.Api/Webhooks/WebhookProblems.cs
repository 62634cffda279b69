using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Webhooks;

/// <summary>The webhook refusals, as RFC 9457 problems like the rest of the API (see ApiProblems for the shared ones).</summary>
internal static class WebhookProblems
{
    private const int MaxEchoedRoute = 200;

    public static IResult RouteNotFound(string route) =>
        Results.Problem(
            title: "Webhook not found.",
            detail: $"No workflow declares a webhook trigger with the route '{Echo(route)}'.",
            statusCode: StatusCodes.Status404NotFound,
            instance: WebhookRoutes.HooksPrefix + "/" + Echo(route),
            extensions: new Dictionary<string, object?> { ["route"] = Echo(route) });

    public static IResult RouteConflict(string route, IReadOnlyList<string> workflowIds) =>
        Results.Problem(
            title: "Several workflows declare this webhook route.",
            detail: $"The route '{Echo(route)}' is declared by the webhook triggers of {string.Join(", ", workflowIds.Select(id => $"'{id}'"))}; "
                + "a route must belong to one workflow. Change the route of all but one of them.",
            statusCode: StatusCodes.Status409Conflict,
            instance: WebhookRoutes.HooksPrefix + "/" + Echo(route),
            extensions: new Dictionary<string, object?> { ["route"] = Echo(route), ["workflowIds"] = workflowIds });

    public static IResult Unauthorized(string detail) =>
        Results.Problem(title: "Authentication failed.", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>The same signed request arrived while its first delivery is still starting the instance.</summary>
    public static IResult ReplayInFlight() =>
        Results.Problem(
            title: "The same signed request is already being handled.",
            detail: "A byte-identical request with this signature is still starting its instance; send it again in a moment "
                + "to get that instance's id.",
            statusCode: StatusCodes.Status409Conflict);

    /// <summary>The trigger asks for a credential the server has none of: closed, never open by accident.</summary>
    public static IResult NotConfigured(string workflowId, string route, string auth, string setting) =>
        Results.Problem(
            title: "Webhook authentication is not configured.",
            detail: $"Workflow '{workflowId}' protects the webhook route '{route}' with '{auth}', but the setting '{setting}' is empty. "
                + "The hook refuses every call until it is set.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["setting"] = setting, ["workflowId"] = workflowId, ["route"] = route });

    private static string Echo(string route) => route.Length <= MaxEchoedRoute ? route : route[..MaxEchoedRoute] + "...";
}
