using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Api.Http;
using Serverless.Engine;
using Serverless.Engine.Interpreter;
using Serverless.Runtime.Abstractions;

namespace Serverless.Api.Instances;

/// <summary>Reads and steers one instance: status and timeline, events, terminate, replay, purge.</summary>
public sealed class InstanceHandlers(IWorkflowClient client, IOptions<ApiOptions> options, ILogger<InstanceHandlers> logger)
{
    public async Task<IResult> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var view = await client.GetAsync(instanceId, cancellationToken);
        return view is null ? ApiProblems.InstanceNotFound(instanceId) : Results.Json(view, EngineJson.Options);
    }

    /// <summary>POST /api/instances/{instanceId}/events/{eventName}: the body is the payload. An event raised before
    /// the instance waits for it is kept by the runtime, so 202 means "accepted", not "consumed". Approval decisions
    /// (events "approval:&lt;gate&gt;") are refused with 403: only the approval surfaces (signed links, Slack), which
    /// check who decides, raise them.</summary>
    public async Task<IResult> RaiseEventAsync(HttpRequest request, string instanceId, string eventName, CancellationToken cancellationToken)
    {
        if (Validate.Identifier(eventName, "event name") is { } error)
        {
            return ApiProblems.Invalid("eventName", error, request.Path);
        }

        if (IsApprovalDecision(eventName))
        {
            ApiLog.ApprovalEventRefused(logger, eventName, instanceId);
            return ApiProblems.ApprovalEventForbidden(instanceId, eventName);
        }

        var (payload, problem) = await JsonBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await FinishedOrMissingAsync(instanceId, "receive events", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken))
        {
            return ApiProblems.InstanceNotFound(instanceId);
        }

        ApiLog.EventRaised(logger, eventName, instanceId);
        return Results.Accepted(ApiRoutes.InstanceUrl(instanceId), new InstanceActionResponse(instanceId, ApiRoutes.InstanceUrl(instanceId)));
    }

    /// <summary>The reason comes from <c>?reason=</c> or a JSON body <c>{"reason": "..."}</c>.</summary>
    public async Task<IResult> TerminateAsync(HttpRequest request, string instanceId, CancellationToken cancellationToken)
    {
        var reason = QueryValues.Single(request.Query, "reason", out var error);
        if (error is not null)
        {
            return ApiProblems.Invalid("reason", error, request.Path);
        }

        var (body, problem) = await JsonBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body is not null)
        {
            if (body is not JsonObject obj || obj["reason"] is { } r && r.GetValueKind() != JsonValueKind.String)
            {
                return ApiProblems.Invalid("reason", "The body must be a JSON object whose optional 'reason' is a string.", request.Path);
            }

            reason ??= (string?)obj["reason"];
        }

        if (await FinishedOrMissingAsync(instanceId, "be terminated", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!await client.TerminateAsync(instanceId, reason, cancellationToken))
        {
            return ApiProblems.InstanceNotFound(instanceId);
        }

        ApiLog.TerminateRequested(logger, instanceId, reason);
        return Results.Accepted(ApiRoutes.InstanceUrl(instanceId), new InstanceActionResponse(instanceId, ApiRoutes.InstanceUrl(instanceId)));
    }

    /// <summary>Re-runs a Failed instance from its failed step; any other status is a 409.</summary>
    public async Task<IResult> ReplayAsync(string instanceId, CancellationToken cancellationToken)
    {
        var view = await client.GetAsync(instanceId, cancellationToken);
        if (view is null)
        {
            return ApiProblems.InstanceNotFound(instanceId);
        }

        if (view.Status != InstanceStatus.Failed || !await client.ReplayAsync(instanceId, cancellationToken))
        {
            return ApiProblems.InstanceConflict(instanceId, $"Only a Failed instance can be replayed; '{instanceId}' is {view.Status}.");
        }

        ApiLog.ReplayRequested(logger, instanceId);
        return Results.Accepted(ApiRoutes.InstanceUrl(instanceId), new InstanceActionResponse(instanceId, ApiRoutes.InstanceUrl(instanceId)));
    }

    /// <summary>Purges a finished instance and its history; a running one must be terminated first (409).</summary>
    public async Task<IResult> PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        var view = await client.GetAsync(instanceId, cancellationToken);
        if (view is null)
        {
            return ApiProblems.InstanceNotFound(instanceId);
        }

        if (view.Status is not (InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated))
        {
            return ApiProblems.InstanceConflict(instanceId, $"Instance '{instanceId}' is {view.Status}; terminate it before deleting it.");
        }

        if (!await client.PurgeAsync(instanceId, cancellationToken))
        {
            return ApiProblems.InstanceNotFound(instanceId);
        }

        ApiLog.Purged(logger, instanceId);
        return Results.NoContent();
    }

    /// <summary>The prefix comes from <see cref="ApprovalGate.EventName"/>, so it follows the interpreter; compared
    /// case-insensitively so no spelling of it gets through.</summary>
    internal static bool IsApprovalDecision(string eventName) =>
        eventName.StartsWith(ApprovalGate.EventName(string.Empty), StringComparison.OrdinalIgnoreCase);

    private async Task<IResult?> FinishedOrMissingAsync(string instanceId, string action, CancellationToken cancellationToken)
    {
        var view = await client.GetAsync(instanceId, cancellationToken);
        if (view is null)
        {
            return ApiProblems.InstanceNotFound(instanceId);
        }

        return view.Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated
            ? ApiProblems.InstanceConflict(instanceId, $"Instance '{instanceId}' is {view.Status} and can no longer {action}.")
            : null;
    }
}

public sealed record InstanceActionResponse(string InstanceId, string StatusUrl);
