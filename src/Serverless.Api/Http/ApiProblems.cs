using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Http;

/// <summary>RFC 9457 problem responses that name what was wrong: the field, the parameter or the instance.</summary>
public static class ApiProblems
{
    public static IResult Invalid(string field, string message, string? instance = null) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: message,
            instance: instance,
            title: "The request is not valid.");

    public static IResult Invalid(IDictionary<string, string[]> errors, string? instance = null) =>
        Results.ValidationProblem(errors, instance: instance, title: "The request is not valid.");

    public static IResult InstanceNotFound(string instanceId) =>
        Results.Problem(
            title: "Instance not found.",
            detail: $"No workflow instance has the id '{instanceId}'.",
            statusCode: StatusCodes.Status404NotFound,
            instance: ApiRoutes.InstanceUrl(instanceId),
            extensions: new Dictionary<string, object?> { ["instanceId"] = instanceId });

    public static IResult WorkflowNotFound(string workflowId, int? version = null) =>
        Results.Problem(
            title: "Workflow not found.",
            detail: version is null
                ? $"No workflow with the id '{workflowId}' is registered."
                : $"Workflow '{workflowId}' has no version {version}.",
            statusCode: StatusCodes.Status404NotFound,
            instance: $"{ApiRoutes.Prefix}/workflows/{Uri.EscapeDataString(workflowId)}",
            extensions: new Dictionary<string, object?> { ["workflowId"] = workflowId, ["version"] = version });

    public static IResult InstanceConflict(string instanceId, string detail) =>
        Results.Problem(
            title: "The instance cannot do that in its current state.",
            detail: detail,
            statusCode: StatusCodes.Status409Conflict,
            instance: ApiRoutes.InstanceUrl(instanceId),
            extensions: new Dictionary<string, object?> { ["instanceId"] = instanceId });

    public static IResult ApprovalEventForbidden(string instanceId, string eventName) =>
        Results.Problem(
            title: "Approval decisions cannot be raised through the management API.",
            detail: $"'{eventName}' decides an approval gate: approval decisions are taken through signed links or Slack.",
            statusCode: StatusCodes.Status403Forbidden,
            instance: ApiRoutes.InstanceUrl(instanceId),
            extensions: new Dictionary<string, object?> { ["instanceId"] = instanceId, ["eventName"] = eventName });

    public static IResult TooLarge(long limit) =>
        Results.Problem(
            title: "The request body is too large.",
            detail: $"The request body is larger than the limit of {limit} bytes (setting Api:MaxRequestBodyBytes).",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            extensions: new Dictionary<string, object?> { ["limit"] = limit });
}
