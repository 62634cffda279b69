using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Api.Http;
using Serverless.Engine.Definitions;
using Serverless.Runtime.Abstractions;
using Serverless.Runtime.Catalog;

namespace Serverless.Api.Workflows;

/// <summary>POST /api/workflows/{workflowId}/instances: the request body is the input. 202 + Location for a new
/// instance; 200 with the same body when the Idempotency-Key header or ?instanceId= names one that exists.</summary>
public sealed class StartInstanceHandler(
    IWorkflowClient client,
    IWorkflowCatalog catalog,
    IOptions<ApiOptions> options,
    ILogger<StartInstanceHandler> logger)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public async Task<IResult> StartAsync(HttpRequest request, string workflowId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var instanceId = QueryValues.Single(request.Query, "instanceId", out var error);
        error ??= instanceId is null ? null : Validate.Identifier(instanceId, "instance id");
        AddError(errors, "instanceId", error);

        var dryRun = QueryValues.OptionalBool(request.Query, "dryRun", out error);
        AddError(errors, "dryRun", error);

        var version = QueryValues.OptionalPositiveInt(request.Query, "version", out error);
        AddError(errors, "version", error);

        var idempotencyKey = ReadIdempotencyKey(request, out error);
        AddError(errors, IdempotencyKeyHeader, error);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, request.Path);
        }

        if (catalog.Find(workflowId, version) is null)
        {
            return ApiProblems.WorkflowNotFound(workflowId, catalog.Find(workflowId) is null ? null : version);
        }

        var (input, problem) = await JsonBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var trigger = new JsonObject { ["type"] = TriggerTypes.Manual, ["source"] = "api" };
        StartResult result;
        try
        {
            result = await client.StartAsync(
                new StartRequest(workflowId, input, instanceId, idempotencyKey, dryRun, trigger, version),
                cancellationToken);
        }
        catch (WorkflowNotFoundException)
        {
            return ApiProblems.WorkflowNotFound(workflowId, version);
        }

        var body = new StartInstanceResponse(result.InstanceId, ApiRoutes.InstanceUrl(result.InstanceId));
        if (result.Created)
        {
            ApiLog.Started(logger, result.InstanceId, workflowId, dryRun);
            return Results.Accepted(body.StatusUrl, body);
        }

        // An id that already belongs to another workflow is a client mistake, not a successful de-duplication.
        var existing = await client.GetAsync(result.InstanceId, cancellationToken);
        if (existing is not null && existing.WorkflowId != workflowId)
        {
            return ApiProblems.InstanceConflict(result.InstanceId,
                $"Instance '{result.InstanceId}' already exists for workflow '{existing.WorkflowId}', not '{workflowId}'.");
        }

        ApiLog.ReturnedExisting(logger, result.InstanceId, workflowId);
        return Results.Ok(body);
    }

    /// <summary>The Idempotency-Key header (at most once, a valid identifier), shared with webhook triggers.</summary>
    internal static string? ReadIdempotencyKey(HttpRequest request, out string? error)
    {
        error = null;
        if (!request.Headers.TryGetValue(IdempotencyKeyHeader, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            error = $"The {IdempotencyKeyHeader} header must be given once.";
            return null;
        }

        var key = values[0];
        error = Validate.Identifier(key, IdempotencyKeyHeader);
        return error is null ? key : null;
    }

    private static void AddError(Dictionary<string, string[]> errors, string field, string? error)
    {
        if (error is not null)
        {
            errors[field] = [error];
        }
    }
}

public sealed record StartInstanceResponse(string InstanceId, string StatusUrl);
